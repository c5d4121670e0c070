//! English word forms the compiler derives from names and aliases: regular plurals (for lookup keys
//! and find patterns) and the singulars of plural names.

/// The regular English plural of a word or phrase, in the case it is written: "-ies" after a
/// consonant and "y" ("story" -> "stories"), "-es" after a sibilant ("box" -> "boxes"), "-s" otherwise.
/// Find patterns and the derived lookup keys both use it.
pub(crate) fn regular_plural(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let consonant_y = lower.strip_suffix('y').is_some_and(|stem| {
        stem.ends_with(|c: char| {
            c.is_ascii_alphabetic() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
        })
    });
    if consonant_y {
        format!("{}ies", &text[..text.len() - 1])
    } else if lower.ends_with(['s', 'x', 'z']) || lower.ends_with("ch") || lower.ends_with("sh") {
        format!("{text}es")
    } else {
        format!("{text}s")
    }
}

/// Whether a word or phrase already reads as a regular plural ("reels", "threads tags"): it ends in an
/// "s" that follows neither "s", "u" nor "i" ("business", "status" and "analysis" are singular). No
/// plural or possessive is derived from it: "tagses" and "tagss" are nobody's spelling.
pub(crate) fn looks_plural(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    (lower.strip_suffix('s'))
        .is_some_and(|stem| stem.len() >= 2 && !stem.ends_with(['s', 'u', 'i']))
}

/// The singular a plural key may stand for: "stories" -> "story", "reels" -> "reel". Stems keep at
/// least three bytes, so that short keys are left alone ("tos", for terms of service, is not a plural
/// of "to"); "-es" is not stripped, as
/// it mangles more words than it fixes ("saves" -> "sav").
pub(crate) fn singular_forms(key: &str) -> Vec<String> {
    if let Some(stem) = key.strip_suffix("ies").filter(|stem| stem.len() >= 3) {
        vec![format!("{stem}y"), format!("{stem}ie")]
    } else if let Some(stem) = key.strip_suffix('s').filter(|stem| stem.len() >= 3) {
        vec![stem.to_owned()]
    } else {
        Vec::new()
    }
}
