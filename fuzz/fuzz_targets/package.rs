//! Reading any bytes as a review package refuses or accepts; it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = candor_store::read_package(text);
});
