//! Rendering any Markdown yields HTML with no script, and plain text without panicking.
#![no_main]

use candor_core::{export, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let html = export::safe_html(text);
    assert!(!html.to_lowercase().contains("<script"));
    render::markdown_html(text);
    export::plain_text(text);
});
