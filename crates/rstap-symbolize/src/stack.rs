//! Stacks as BPF stack maps deliver them.
//!
//! A `BPF_MAP_TYPE_STACK_TRACE` value is an array of native-endian u64
//! instruction pointers, leaf first, padded with zeros after the last frame.

/// The frames of a stack-map value: up to the first zero.
pub fn frames_from_words(words: &[u64]) -> &[u64] {
    let end = words.iter().position(|&w| w == 0).unwrap_or(words.len());
    &words[..end]
}

/// Decodes a raw stack-map value (native-endian u64s) up to the first zero.
/// Trailing bytes that do not make a whole word are ignored.
pub fn frames_from_bytes(bytes: &[u8]) -> Vec<u64> {
    bytes
        .chunks_exact(8)
        .map(|chunk| {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            u64::from_ne_bytes(word)
        })
        .take_while(|&w| w != 0)
        .collect()
}

/// At most [`crate::MAXBACKTRACE`] frames, as SystemTap collects.
pub fn limit_to_maxbacktrace(frames: &[u64]) -> &[u64] {
    &frames[..frames.len().min(crate::MAXBACKTRACE)]
}
