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

/// One frame of a build-id stack map (`BPF_F_STACK_BUILD_ID`): the kernel recorded
/// either the build id of the file mapped at the address and the address's offset in
/// that file, or (when it could not read a build id) the address alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuildIdFrame {
    /// `BPF_STACK_BUILD_ID_VALID`.
    File { build_id: [u8; 20], offset: u64 },
    /// `BPF_STACK_BUILD_ID_IP`: no file is known.
    Address(u64),
}

/// Size of `struct bpf_stack_build_id`.
pub const BUILD_ID_FRAME_BYTES: usize = 32;

/// Decodes a build-id stack-map value up to its first empty frame.
pub fn build_id_frames_from_bytes(bytes: &[u8]) -> Vec<BuildIdFrame> {
    bytes
        .chunks_exact(BUILD_ID_FRAME_BYTES)
        .map_while(|chunk| {
            let status = i32::from_ne_bytes(chunk[..4].try_into().ok()?);
            let mut build_id = [0u8; 20];
            build_id.copy_from_slice(&chunk[4..24]);
            let value = u64::from_ne_bytes(chunk[24..32].try_into().ok()?);
            match status {
                1 => Some(BuildIdFrame::File {
                    build_id,
                    offset: value,
                }),
                2 => Some(BuildIdFrame::Address(value)),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod build_id_tests {
    use super::*;

    fn frame(status: i32, id: u8, value: u64) -> Vec<u8> {
        let mut out = status.to_ne_bytes().to_vec();
        out.extend_from_slice(&[id; 20]);
        out.extend_from_slice(&value.to_ne_bytes());
        out
    }

    #[test]
    fn build_id_frames_decode_up_to_the_first_empty_one() {
        let mut bytes = frame(1, 0xab, 0x1139);
        bytes.extend(frame(2, 0, 0x7fff_0000_1000));
        bytes.extend(frame(0, 0, 0));
        bytes.extend(frame(1, 0xcd, 0x10));
        assert_eq!(
            build_id_frames_from_bytes(&bytes),
            vec![
                BuildIdFrame::File {
                    build_id: [0xab; 20],
                    offset: 0x1139
                },
                BuildIdFrame::Address(0x7fff_0000_1000),
            ]
        );
        assert_eq!(build_id_frames_from_bytes(&[]), vec![]);
    }
}
