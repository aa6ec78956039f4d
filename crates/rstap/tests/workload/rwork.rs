//! Workload for the user-stack tests in Rust: `rwork N` calls middle(i), which calls
//! leaf(i), for i in 1..N; its report goes to stderr.

#[inline(never)]
fn leaf(i: u64) -> u64 {
    std::hint::black_box(i * 3)
}

#[inline(never)]
fn middle(i: u64) -> u64 {
    leaf(i) + 1
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let mut total = 0;
    for i in 1..=n {
        total += middle(i);
    }
    eprintln!("total {total}");
}
