//! Scaling benchmark (filled in later).

fn main() {}
