//! Vendor blame: which names in a letter are third parties, learnt from the letter itself
//! as well as the rule's list, and the sentences that make one of them the cause.

use super::fixed;
use crate::checks::rules::Rule;
use crate::checks::text::sentences;
use regex::Regex;
use std::sync::LazyLock;

static COOPERATION: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)\b(thank|thanks|grateful|appreciat|worked with|working with|work with|together with|alongside|helped|helping|help us|partnered|with the help)",
    )
});

/// The words for something going wrong, as nouns.
const TROUBLE: &str = r"outages?|incidents?|issues?|problems?|failures?|bugs?|errors?|disruptions?|degradations?|breach(?:es)?|leaks?|fault|mistakes?|downtime";

/// A third party as the one who did it: the subject of a verb of failing or of doing
/// harm ("the carrier dropped", "X has an outage", "X could not"), with up to three words
/// of its name or a possessive between ("X's routing layer failed"), or a name in
/// apposition ("our provider, X, dropped").
static AS_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)^(?:,[^,.;]{{1,60}},|,\s+whose(?:\s+[\w-]+){{1,2}}|,|(?:['’]s)?(?:[ -][\w./+-]+){{0,3}}?)\s+(?:(?:was|were|is|are|had|has|have)\s+(?:been\s+)?)?(?:\w+ly\s+)?(?:experienc\w*|suffer\w*|(?:had|has|have|having|hit|saw)\s+(?:an?\s+|the\s+|some\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}(?:{TROUBLE})|went down|(?:was|were|is|are|became|went)\s+(?:\w+ly\s+)?(?:down|unavailable|unreachable|degraded|offline|unresponsive|overloaded|broken|compromised|hacked|breached)|(?:reported|confirmed|acknowledged|announced|declared|disclosed|posted)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}(?:{TROUBLE})|(?:returned|served|sent|responded\s+with)\s+(?:[\w-]+\s+)?(?:errors?|5\d\d|bad|incorrect|wrong|stale|invalid|malformed|corrupt\w*|empty)|(?:started|began)\s+(?:to\s+)?(?:fail|return|reject|drop|time|timing|throttl|error)\w*|timed\s+out|(?:was|were|is|are)\s+(?:solely\s+|entirely\s+|ultimately\s+)?(?:responsible|at\s+fault|to\s+blame)\b|(?:took|knocked|brought)\s+(?:us|our\s+[\w-]+(?:\s+[\w-]+)?|[\w-]+)\s+(?:down|offline|out)|(?:took|knocked|brought)\s+(?:down|offline|out)|fail(?:s|ed|ing)?\b|broke\b|dropp(?:ed|ing)|lost|losing|leak(?:ed|ing)|propagated|reject(?:ed|ing)|mislabel\w*|misconfigured|misrouted|introduc(?:ed|ing)|caus(?:ed|es|ing)|pushed|deployed|could not|couldn['’]t|did not|didn['’]t|stopped|block(?:ed|ing)|throttl(?:ed|ing)|imposed|discontinued|corrupt(?:ed|ing)|delet(?:ed|ing)|revoked|was passing|were passing|let\s+(?:our|the|its|their|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:expire|lapse|fail|break|run\s+out)|(?:shipped|released|published|sent|issued|applied)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:broken|faulty|bad|buggy|defective|incorrect|erroneous|flawed|corrupt|malformed))\b",
    ))
});

/// A third party as the agent of a passive or the named cause ("caused by X", "because of
/// X's change").
static AS_AGENT: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)(?:\b(?:caused|imposed|triggered|introduced|broken|corrupted|rejected|blocked|throttled|dropped|misrouted|leaked|mangled|escaped|double-escaped|deleted|revoked|pushed|made|rolled\s+out|shipped|released|applied|sent|published|affected|impacted|hit|disrupted|interrupted|delayed|knocked\s+out|taken\s+down|brought\s+down|taken\s+offline|let\s+down)\s+(?:\w+ly\s+)?by|\b(?:misconfiguration|mistake|error|fault|change|update|failure|bug)s?\s+(?:made\s+)?by|\bwaiting\s+(?:on|for)|\bbecause\s+of|\bdue\s+to|\bowing\s+to|\bas\s+a\s+result\s+of|\bblamed?\s+on|\battributed\s+to|\b(?:related|linked|tied|down)\s+to|\b(?:traced|tracked)\s+(?:(?:the|this|that|it|its|our|[\w-]+)\s+){0,3}?(?:(?:back|down)\s+)?to|\boriginated\s+(?:at|with|from|in)|\bcame\s+from|\b(?:lay|lies|rests?|sat)\s+(?:\w+ly\s+)?with|\bcause\s+(?:was|lay|lies|is)\s+(?:with|at|in|inside)|\b(?:faulty|bad|broken|buggy|erroneous|incorrect|defective|flawed)\s+(?:[\w-]+\s+){0,2}?(?:from|by|of))\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w-]+\s+)??$",
    )
});

/// Happenings that are trouble when they happen at someone else's ("a deployment inside
/// X's network", "a lightning strike at our ISP").
const EVENTS: &str = r"deployments?|changes?|updates?|rollouts?|releases?|rollbacks?|maintenance|migrations?|misconfigurations?|upgrades?|strikes?|fires?|floods?|cuts?|attacks?";

/// A third party as the place of the trouble ("an outage at X", "issues with X").
static AS_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)\b(?:(?:{TROUBLE})\s+(?:at|in|with|on|inside|within|from|affecting)|(?:{EVENTS})\s+(?:at|inside|within|on\s+the\s+side\s+of))\s+(?:the\s+|our\s+|a\s+|an\s+)?$"
    ))
});

/// A third party's own account of the cause, passed on ("according to X, a cooling failure
/// in their hall caused …"): blame when the sentence names a cause or a failure.
static ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"(?i)\baccording\s+to\s+(?:the\s+|our\s+)?$"));
static CAUSE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)\b(?:caus(?:e|ed|es|ing)|fail\w*|{TROUBLE}|root)\b"
    ))
});

/// A third party's trouble as one noun phrase ("X's failure", "X networking issues").
static AS_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)^(?:['’]s)?(?:\s*\+\s*[\w-]+)?\s*(?:[\w-]+\s+){{0,2}}(?:{TROUBLE})\b"
    ))
});

/// "A GitHub issue" is an entry in a tracker, not trouble at GitHub.
fn tracker_item(name: &str, after: &str) -> bool {
    static TRACKER: LazyLock<Regex> =
        LazyLock::new(|| fixed(r"(?i)^(?:GitHub|GitLab|Bitbucket|Jira|Gitea|Codeberg|Launchpad)$"));
    static ITEM: LazyLock<Regex> = LazyLock::new(|| fixed(r"(?i)^\s+(?:issues?|bugs?|tickets?)\b"));
    TRACKER.is_match(name) && ITEM.is_match(after)
}

/// "On their side": the trouble was the third party's, named in this sentence.
static THEIR_SIDE: LazyLock<Regex> = LazyLock::new(|| {
    fixed(&format!(
        r"(?i)\b(?:on|at) their (?:side|end)\b|\btheir\s+(?:[\w-]+\s+){{0,2}}?(?:{TROUBLE})\b"
    ))
});

/// Third parties a letter introduces itself: "our provider, Northwind", "Acme Inc.",
/// "a third-party network provider", "an external service".
static INTRODUCED: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?x)
        \b(?:[Oo]ur|[Tt]he|[Aa]|[Aa]n)\s+(?:[\w-]+\s+){0,2}?(?:provider|vendor|host|supplier|partner|carrier|registrar|ISP|CDN|contractor)s?,?\s+
          (?P<named>[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[\ \t]+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,2})
        | \b(?:provider|vendor|host|supplier|partner|carrier|registrar|ISP|CDN|contractor)s?\s+(?:is|was|are|were|has\s+been)\s+
          (?P<copula>[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[\ \t]+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,2})
        | (?P<org>\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}\s+(?:Inc|Ltd|LLC|GmbH|Corp|Corporation|plc|AG|B\.V)\b\.?)
        | (?P<trade>\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,1}\s+(?:Systems|Networks|Hosting|Telecom|Communications|Technologies|Solutions|Labs|Holdings|Power|Energy|Electric|Datacenters?|Data\ Centers?|Logistics|Payments|Fibre|Fiber|Broadband|Cloud|Internet|Software|DNS)\b)
        | (?P<apposed>\b[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[\ \t]+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,2}),\s+(?:our|the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:provider|vendor|host|supplier|partner|carrier|registrar|ISP|CDN|contractor)s?\b
        | (?P<relative>\b[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[\ \t]+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,2}),\s+(?:which|who)\s+(?:hosts|runs|provides|supplies|carries|handles|processes|serves|operates|delivers|powers|stores)\b
        | (?P<generic>\b(?:(?:[Aa]|[Aa]n|[Tt]he|[Oo]ur)\s+)?(?:[Tt]hird[- ]party|[Ee]xternal|[Uu]pstream|[Oo]utside)\s+(?:[\w/-]+\s+){0,2}(?:provider|vendor|service|host|carrier|supplier|partner|company|network|breach|leak|outage|problem|failure|issue|incident|bug|library|dependency|dependencies|component|API|package|plugin|SDK|software|tool)s?\b)
        | (?P<role>\b[Oo]ur\s+(?:[\w/-]+\s+){0,2}?(?:provider|vendor|supplier|carrier|registrar|ISP)s?\b)
        | \b(?:(?:[Ww]e|[Oo]ur\s+\w+)\s+(?:use[sd]?|host(?:s|ed)?\s+(?:[\w-]+\s+){0,2}?with|go(?:es)?\s+through|went\s+through|rel(?:y|ied|ies)\s+on|depend(?:s|ed)?\s+on|r[au]n\s+on|switched\s+to|moved\s+to|migrated\s+to)
              |(?:hosted|provided|served|powered|operated|supplied)\s+(?:on|at|by|with)
              |running\s+(?:[\w-]+\s+){0,2}?on|services?\s+from)
          \s+(?:the\s+)?(?P<used>[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[\ \t]+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,2})
          (?:\s+and\s+(?P<also>[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[\ \t]+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,2}))?
        | (?P<owner>\b[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[\ \t]+[A-Z][\w&-]*(?:\.[\w&-]+)*){0,2})['’]s\s+(?:[\w-]+\s+)?(?:network|infrastructure|platform|servers|systems|data\s*cent(?:er|re)s?|CDN|DNS|API|edge|backbone|routers?|region|routing)\b
        ",
    )
});

/// A third party's trouble named as one phrase ("a third-party breach", "an external
/// outage"): blame on its own, whatever the rest of the sentence says.
static TROUBLE_ITSELF: LazyLock<Regex> = LazyLock::new(|| fixed(&format!(r"(?i)(?:{TROUBLE})$")));

/// Words that make a third-party phrase before them a kind of traffic or use.
static KIND_OF_TRAFFIC: LazyLock<Regex> = LazyLock::new(|| {
    fixed(
        r"(?i)^\s+(?:requests?|calls?|traffic|access|clients?|users?|usage|connections?|links?)\b",
    )
});

/// An organisation's name without its legal form: "Acme Inc." is also "Acme".
static LEGAL_FORM: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"\s+(?:Inc|Ltd|LLC|GmbH|Corp|Corporation|plc|AG|B\.V)\.?$"));

/// The third parties a letter names by introducing them, as byte ranges: where it
/// introduces them, and every later mention of a name it introduced ("our provider,
/// Northwind, …. Northwind's routers then …").
pub fn introduced_vendors(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut names: Vec<(usize, String)> = Vec::new();
    for c in INTRODUCED.captures_iter(text) {
        let Some(m) = c
            .name("named")
            .or_else(|| c.name("org"))
            .or_else(|| c.name("generic"))
            .or_else(|| c.name("role"))
            .or_else(|| c.name("used"))
            .or_else(|| c.name("trade"))
            .or_else(|| c.name("apposed"))
            .or_else(|| c.name("owner"))
            .or_else(|| c.name("copula"))
            .or_else(|| c.name("relative"))
        else {
            continue;
        };
        let named = c.name("generic").is_none() && c.name("role").is_none();
        // "external API requests" are requests of a kind, not a third party.
        if !named && KIND_OF_TRAFFIC.is_match(&text[m.end()..]) {
            continue;
        }
        for m in [Some(m), c.name("also")].into_iter().flatten() {
            let (start, found) = if named {
                // "Yesterday Kestrel Cloud" is "Kestrel Cloud": the words that start the
                // phrase are not part of the name.
                let mut rest = m.as_str();
                let mut opens = opens_sentence(&text[..m.start()]);
                while let Some(word) = rest.split_whitespace().next()
                    && (function_word(word) || (opens && phrase_word(word)))
                {
                    rest = rest[word.len()..].trim_start();
                    opens = false;
                }
                let trade_head_alone = c.name("trade").is_some() && !rest.contains(' ');
                if rest.is_empty() || trade_head_alone {
                    continue;
                }
                (m.end() - rest.len(), rest)
            } else {
                (m.start(), m.as_str())
            };
            out.push((start, m.end()));
            if named {
                let name = LEGAL_FORM.replace(found.trim_end_matches('.'), "");
                if name.len() > 2 {
                    // A name the letter uses counts from its first mention: "X was slow.
                    // We use X for ..." blames X as much as the other order does.
                    names.push((0, name.into_owned()));
                }
            }
        }
    }
    for (after, name) in names {
        for (i, _) in text[after..].match_indices(name.as_str()) {
            let (s, e) = (after + i, after + i + name.len());
            let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !word_char(text[..s].chars().next_back())
                && !word_char(text[e..].chars().next())
                && !out.iter().any(|&(os, oe)| os < e && s < oe)
            {
                out.push((s, e));
            }
        }
    }
    out.sort_unstable();
    out
}

/// A word that starts a phrase rather than a company's name: a determiner, pronoun,
/// conjunction or preposition ("The", "Each", "Both").
fn function_word(word: &str) -> bool {
    super::handles::in_lower_case(word, |m| {
        m.preposition || m.pronoun.is_some() || m.determiner.is_some() || m.conjunction.is_some()
    })
}

/// A word English uses every day ("Yesterday", "New"), which a sentence may start with
/// whether or not a name follows. Inside a sentence its capital marks it as part of a
/// name ("let down by Orbital Networks").
fn phrase_word(word: &str) -> bool {
    super::handles::in_lower_case(word, |m| m.common)
}

/// Whether `before` ends where a sentence or a heading starts, so that the next word's
/// capital says nothing.
fn opens_sentence(before: &str) -> bool {
    before.trim_end().chars().next_back().is_none_or(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | '#' | '*' | '-' | '>' | '"' | '\u{201c}'
        )
    }) || before.ends_with('\n')
}

/// A sentence about the third party the sentence before named, by pronoun: "They had …",
/// "Their resolvers stopped …", "The latter was …".
static PRONOUN: LazyLock<Regex> =
    LazyLock::new(|| fixed(r"^(?:They|Their|The latter|The former|Both of them)\b"));

/// Vendor mentions that a sentence makes the cause of the trouble: the vendor as the
/// subject of failing, the agent of a passive, the place of the trouble or its owner, or
/// "on their side" (or the rule's own `patterns`), unless the sentence thanks or works
/// with them.
pub fn vendor_blame(text: &str, hits: &[(usize, usize)], rule: &Rule) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if hits.is_empty() {
        return out;
    }
    let mut previous_named_one = false;
    for sentence in sentences(text) {
        let mentions: Vec<(usize, usize)> = hits
            .iter()
            .copied()
            .filter(|&(s, _)| s >= sentence.start && s < sentence.end)
            .collect();
        let body = &text[sentence.clone()];
        let named_before = std::mem::replace(&mut previous_named_one, !mentions.is_empty());
        if COOPERATION.is_match(body) {
            continue;
        }
        if mentions.is_empty() {
            // "A known bug on their side", right after the sentence that named them.
            if named_before && let Some(m) = THEIR_SIDE.find(body) {
                out.push((sentence.start + m.start(), sentence.start + m.end()));
            } else if named_before
                && let Some(m) = PRONOUN.find(body)
                && AS_SUBJECT.is_match(&body[m.end()..])
            {
                out.push((sentence.start + m.start(), sentence.start + m.end()));
            }
            continue;
        }
        // "A known bug on their end": the words that place the fault are the finding, not
        // every mention of the name around them.
        if let Some(m) = THEIR_SIDE.find(body) {
            out.push((sentence.start + m.start(), sentence.start + m.end()));
        }
        let whole = rule.regexes.iter().any(|re| re.is_match(body));
        for (s, e) in mentions {
            // A mention is read within its sentence, even one that runs past its end.
            let e = e.min(sentence.end);
            let before = &text[sentence.start..s];
            let after = &text[e..sentence.end];
            if whole
                || TROUBLE_ITSELF.is_match(&text[s..e])
                || AS_SUBJECT.is_match(after)
                || (AS_OWNER.is_match(after) && !tracker_item(&text[s..e], after))
                || AS_AGENT.is_match(before)
                || AS_PLACE.is_match(before)
                || (ACCORDING_TO.is_match(before) && CAUSE.is_match(after))
            {
                out.push((s, e));
            }
        }
    }
    out
}
