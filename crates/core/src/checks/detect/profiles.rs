//! People named through their accounts: the words a link to a personal profile is written
//! on ("[Ana Lopes][al]" or "[ana-l]", where the link goes to "https://github.com/ana-l"),
//! and a user name the letter gives as someone's own ("my account, `analopes`").

use super::fixed;
use super::handles::everyday_word;
use super::words::{FIRST_NAMES, SURNAMES};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A link to one account on a code host or social network: one path segment, nothing
/// after it. "github.com/org/repo" is a project, not a person.
static PROFILE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\bhttps?://(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|twitter\.com|x\.com|keybase\.io|linkedin\.com/in)/@?([A-Za-z0-9][A-Za-z0-9_.-]{0,38}?)/?(?:[\s)\]>\x22']|$)",
    )
});

/// The pages of those sites that are not accounts.
const NOT_ACCOUNTS: &[&str] = &[
    "about",
    "features",
    "orgs",
    "organizations",
    "pricing",
    "settings",
    "sponsors",
    "topics",
    "marketplace",
    "security",
    "advisories",
    "enterprise",
    "explore",
    "login",
    "join",
    "signup",
    "notifications",
    "new",
    "search",
    "site",
    "contact",
    "trending",
    "collections",
    "readme",
    "home",
    "i",
    "intent",
    "share",
    "hashtag",
    "help",
    "status",
    "blog",
    "docs",
    "team",
    "teams",
    "apps",
    "customer-stories",
    "events",
    "pulls",
    "issues",
    "codespaces",
];

/// An inline link "[words](url)" or a reference "[label]: url", with the words and the url.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"\[([^\]\[]{1,80})\]\((https?://[^)\s]+)\)|(?m)^\s{0,3}\[([^\]\[]{1,80})\]:\s*(https?://\S+)",
    )
});

/// Where a reference link is used: "[Ana Lopes][al]" shows its words and names label
/// "al"; "[ana-l]" and "[ana-l][]" show the label itself.
static REFERENCE_USE: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"\[([^\]\[]{1,80})\](?:\[([^\]\[]{0,80})\])?"));

/// A user name the sentence gives as a person's own: "my user account, `ana-l`", "her
/// GitHub handle `ana-l`". "The account `deploy`" is as often a machine's.
static CALLED_A_USER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(?:my|his|her)\s+(?:own\s+)?(?:[A-Z][\w-]*\s+)?(?:personal\s+)?(?:user(?:\s*name)?|user\s+account|account|handle|login)\s*[,:]?\s+`@?([A-Za-z0-9][A-Za-z0-9_.-]{1,38})`",
    )
});

/// Words a team or an organisation is named with ("[Quill Status Team]").
static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(?:team|foundation|project|org|group|community|working|company|inc|ltd|status|support|help|news|official|hq|app|labs|security|updates|cloud)\b",
    )
});

/// The parts of a user name that mark an organisation's account ("quillstatus").
static GROUP_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| {
    fixed(r"(?i)(?:team|status|support|help|news|official|updates|security|labs|hq|project)")
});

/// Whether the words a profile link is written on name a person: a first name or a
/// surname from the lists with a capital on every word ("Ana Lopes"), or the user name
/// itself ("[ana-l]") when it names no team or organisation. Companies link their own
/// accounts too ("follow [Acme Status](…)"), and those are not people.
fn names_a_person(words: &str, user: &str) -> bool {
    let parts: Vec<&str> = words.split_whitespace().collect();
    if parts.len() == 1 && parts[0].trim_start_matches('@').eq_ignore_ascii_case(user) {
        return !GROUP_ACCOUNT.is_match(user);
    }
    (2..=3).contains(&parts.len())
        && !GROUP.is_match(words)
        && parts
            .iter()
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
        // "Read More" holds a listed surname, but starts with an everyday word.
        && parts.first().is_some_and(|f| !everyday_word(f))
        && (parts.first().is_some_and(|f| FIRST_NAMES.contains(f))
            || parts.last().is_some_and(|l| SURNAMES.contains(l)))
}

/// Byte ranges of the people named through their accounts; `own` are the letter's own
/// company and product names, whose profile is not a person's.
pub fn account_names(text: &str, own: &[String]) -> Vec<(usize, usize)> {
    let mut users: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    let is_own = |name: &str| {
        let squeezed: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
        let squeezed = squeezed.to_lowercase();
        own.iter().any(|o| {
            let o: String = o.chars().filter(|c| c.is_alphanumeric()).collect();
            !o.is_empty() && squeezed.contains(&o.to_lowercase())
        })
    };
    let profile = |url: &str| {
        PROFILE
            .captures(url)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().to_string())
            .filter(|u| !NOT_ACCOUNTS.contains(&u.to_lowercase().as_str()) && !is_own(u))
    };
    // The references the letter defines to profiles, by label, as Markdown matches them:
    // without regard to case or to how the words are spaced.
    let label_key = |l: &str| {
        l.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut references: Vec<(String, String)> = Vec::new();
    // Only what the reader sees: a link's words. The address behind them is not shown in
    // the letter.
    let mut shown: Vec<(usize, usize, String)> = Vec::new();
    for c in LINK.captures_iter(text) {
        let (Some(words), Some(url)) = (c.get(1).or(c.get(3)), c.get(2).or(c.get(4))) else {
            continue;
        };
        let Some(user) = profile(url.as_str()) else {
            continue;
        };
        if c.get(1).is_some() {
            shown.push((words.start(), words.end(), user));
        } else {
            references.push((label_key(words.as_str()), user));
        }
    }
    if !references.is_empty() {
        for u in REFERENCE_USE.captures_iter(text) {
            let (Some(whole), Some(words)) = (u.get(0), u.get(1)) else {
                continue;
            };
            // Not a definition ("[al]: …"), an inline link ("[…](…)") or a label after
            // the words ("[…][al]" is read through its words).
            let next = text[whole.end()..].chars().next();
            if matches!(next, Some(':' | '(')) || text[..whole.start()].ends_with(']') {
                continue;
            }
            let label = u.get(2).map_or("", |l| l.as_str());
            let label = if label.trim().is_empty() {
                words.as_str()
            } else {
                label
            };
            if let Some((_, user)) = references.iter().find(|(key, _)| *key == label_key(label)) {
                shown.push((words.start(), words.end(), user.clone()));
            }
        }
    }
    for (s, e, user) in shown {
        if names_a_person(&text[s..e], &user) && !is_own(&text[s..e]) {
            out.push((s, e));
        }
    }
    for c in CALLED_A_USER_NAME.captures_iter(text) {
        if let Some(m) = c.get(1)
            && !is_own(m.as_str())
        {
            users.insert(m.as_str().to_string());
        }
    }
    // Every later mention of a user name the letter gave as one.
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    for user in users {
        for (i, _) in text.match_indices(user.as_str()) {
            let e = i + user.len();
            if !word_char(text[..i].chars().next_back()) && !word_char(text[e..].chars().next()) {
                out.push((i, e));
            }
        }
    }
    out.sort_unstable();
    out.dedup_by(|b, a| a.0 < b.1 && b.0 < a.1);
    out
}

#[cfg(test)]
mod tests {
    use super::names_a_person;

    #[test]
    fn group_words_count_as_whole_words_in_a_name_and_as_parts_of_a_user_name() {
        // "Georgina" holds "org" and "Appleby" holds "app": still a person.
        assert!(names_a_person("Georgina Appleby", "gappleby"));
        assert!(!names_a_person("Quill Status Team", "quill"));
        assert!(names_a_person("brightfern", "brightfern"));
        assert!(!names_a_person("quillstatus", "quillstatus"));
        // Words that are no listed name are not enough.
        assert!(!names_a_person("Read More", "quill"));
    }
}
