//! The system's block devices by kernel device number, as `/sys/class/block` lists them:
//! the table behind `__blockdev_name` in both executors (the live runtime copies it into
//! a BPF map when a session starts).

/// `MKDEV(major, minor)` of the kernel's internal `dev_t` (20 minor bits).
pub fn kernel_dev(major: u32, minor: u32) -> u32 {
    (major << 20) | (minor & 0xfffff)
}

/// Every block device (disks and partitions) with its kernel device number.
pub fn block_devices() -> Vec<(u32, String)> {
    let Ok(dir) = std::fs::read_dir("/sys/class/block") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in dir.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(dev) = std::fs::read_to_string(entry.path().join("dev")) else {
            continue;
        };
        let Some((major, minor)) = dev.trim().split_once(':') else {
            continue;
        };
        if let (Ok(major), Ok(minor)) = (major.parse(), minor.parse()) {
            out.push((kernel_dev(major, minor), name));
        }
    }
    out.sort();
    out
}

/// The name of the block device with kernel device number `dev`, if there is one.
pub fn block_device_name(dev: i64) -> Option<String> {
    let dev = u32::try_from(dev).ok()?;
    block_devices()
        .into_iter()
        .find(|(d, _)| *d == dev)
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_kernel_encoding() {
        assert_eq!(kernel_dev(7, 0), 7 << 20);
        assert_eq!(kernel_dev(259, 3), (259 << 20) | 3);
        // Every listed device is found again by its number.
        for (dev, name) in block_devices() {
            assert_eq!(
                block_device_name(dev as i64).as_deref(),
                Some(name.as_str())
            );
        }
        assert_eq!(block_device_name(-1), None);
    }
}
