//! Reading a Markdown text as prose: which byte ranges are code or link targets, where
//! sentences and words are, and where a byte offset falls as line and column.

use std::ops::Range;

/// Byte ranges of a Markdown text that are not prose: fenced code blocks, code spans and
/// link targets. Prose rules skip them; the sensitive-detail rules read them too.
pub fn non_prose(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let bytes = text.as_bytes();
    // Fenced code blocks, line by line.
    let mut offset = 0;
    let mut fence: Option<(usize, &str)> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = if trimmed.starts_with("```") {
            Some("```")
        } else if trimmed.starts_with("~~~") {
            Some("~~~")
        } else {
            None
        };
        match (fence, marker) {
            (None, Some(m)) => fence = Some((offset, m)),
            (Some((start, m)), Some(m2)) if m == m2 => {
                ranges.push(start..offset + line.len());
                fence = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some((start, _)) = fence {
        ranges.push(start..text.len());
    }
    // Code spans and link targets outside those blocks.
    let mut i = 0;
    while i < bytes.len() {
        if let Some(r) = ranges.iter().find(|r| r.contains(&i)) {
            i = r.end;
            continue;
        }
        match bytes[i] {
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let ticks = &text[i..i + run];
                if let Some(close) = text[i + run..].find(ticks) {
                    let end = i + run + close + run;
                    ranges.push(i..end);
                    i = end;
                    continue;
                }
                i += run;
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                if let Some(close) = text[i + 2..].find(')') {
                    ranges.push(i + 2..i + 2 + close);
                    i = i + 2 + close + 1;
                    continue;
                }
                i += 1;
            }
            b'<' => {
                let rest = &text[i + 1..];
                let close = rest
                    .find('>')
                    .filter(|&c| !rest[..c].contains(char::is_whitespace));
                match close {
                    Some(c) if rest[..c].contains("://") || rest[..c].contains('@') => {
                        ranges.push(i..i + 1 + c + 1);
                        i += c + 2;
                    }
                    _ => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    ranges.sort_by_key(|r| r.start);
    ranges
}

pub fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    ranges.iter().any(|r| r.contains(&at))
}

/// A word: letters, digits, and inner apostrophes or hyphens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl Word<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = (c == '\'' || c == '\u{2019}' || c == '-')
            && start.is_some()
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word {
                text: &text[s..i],
                start: s,
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            start: s,
        });
    }
    out
}

/// Sentence ranges: ends at `.`, `!` or `?` followed by space or the end, at a blank line,
/// and at each Markdown list item or heading.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if e - trail > s + lead {
            out.push(s + lead..e - trail);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let at_line_start = i == 0 || bytes[i - 1] == b'\n';
        if at_line_start && i > start {
            let line = &text[i..];
            let trimmed = line.trim_start();
            let item = trimmed.starts_with("- ")
                || trimmed.starts_with("* ")
                || trimmed.starts_with("+ ")
                || trimmed.starts_with('#')
                || trimmed
                    .split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            let blank = line.starts_with('\n') || text[start..i].ends_with("\n\n");
            if item || blank {
                push(start, i, &mut out);
                start = i;
            }
        }
        if matches!(b, b'.' | b'!' | b'?') {
            let next = bytes.get(i + 1).copied();
            if next.is_none() || next.is_some_and(|n| n == b' ' || n == b'\n' || n == b'\t') {
                push(start, i + 1, &mut out);
                start = i + 1;
            }
        }
        i += 1;
    }
    push(start, text.len(), &mut out);
    out
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, at: usize) -> (u32, u32) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    (line, column)
}

/// Whether the byte at `at` begins a sentence: only spaces, list markers or heading marks
/// stand between it and the previous sentence end, line start or the start of the text.
pub fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '*', '_', '"', '\u{201c}', '(']);
    let before = before
        .trim_end_matches(['-', '+', '#', '>'])
        .trim_end_matches([' ', '\t']);
    before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '\n'])
        || before
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().chars().all(|c| c.is_ascii_digit() || c == '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_link_targets_are_not_prose() {
        let t = "Use `db-7` here.\n\n```\nhost db-7\n```\n\nSee [status](https://status.example.com) or <https://x.example>.";
        let r = non_prose(t);
        let covered = |needle: &str| inside(&r, t.find(needle).unwrap());
        assert!(covered("db-7`"));
        assert!(covered("host db-7"));
        assert!(covered("https://status"));
        assert!(covered("https://x."));
        assert!(!covered("status]"));
        assert!(!covered("Use"));
    }

    #[test]
    fn splits_sentences_and_list_items() {
        let t = "We were down. It lasted 5.5 hours!\n\n- First step\n- Second step by May 3.";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            vec![
                "We were down.",
                "It lasted 5.5 hours!",
                "- First step",
                "- Second step by May 3."
            ]
        );
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let w: Vec<&str> = words("We're re-routing db-7's traffic.")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, vec!["We're", "re-routing", "db-7's", "traffic"]);
    }

    #[test]
    fn line_and_column_count_characters() {
        let t = "één\ntwee drie";
        assert_eq!(line_column(t, t.find("drie").unwrap()), (2, 6));
        assert_eq!(line_column(t, 0), (1, 1));
    }

    #[test]
    fn sentence_starts() {
        let t = "Hello there. May we help?\n- April restarted it";
        assert!(starts_sentence(t, t.find("May").unwrap()));
        assert!(starts_sentence(t, t.find("April").unwrap()));
        assert!(!starts_sentence(t, t.find("there").unwrap()));
    }
}
