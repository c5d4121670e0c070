//! Word tokens for ranked search: splitting prose into words, dropping stop words, and light stemming.
//!
//! The build script includes this file to index the entries, so queries and entries are tokenized by
//! the same code.

/// Bits of a search posting: where in an entry a word occurs.
pub mod field {
    /// In the name.
    pub const NAME: u8 = 1;
    /// In an alias.
    pub const ALIAS: u8 = 2;
    /// In the summary.
    pub const SUMMARY: u8 = 4;
    /// In the definition.
    pub const DEFINITION: u8 = 8;
    /// In the category id.
    #[allow(dead_code)] // read only by the compiler, which marks category words with it
    pub const CATEGORY: u8 = 16;
    /// In one of the plain phrasings people use for the term.
    pub const PHRASING: u8 = 32;
}

/// Words too common to say anything about which term is meant.
fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "about"
            | "also"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "been"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "for"
            | "from"
            | "has"
            | "have"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "just"
            | "me"
            | "more"
            | "most"
            | "much"
            | "my"
            | "no"
            | "not"
            | "of"
            | "on"
            | "or"
            | "our"
            | "so"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "to"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "would"
            | "you"
            | "your"
    )
}

/// The longest word that is indexed or looked up, in bytes once lower-cased; longer runs of letters
/// (a pasted hash, a URL without separators) are skipped in entries and queries alike. Words are
/// gathered in a buffer of this size on the stack, so tokenizing never allocates.
pub const MAX_WORD_LEN: usize = 48;

/// Calls `each` with every indexable token of `text`, in order: lower-cased words of letters and digits,
/// stop words dropped, plurals and common verb endings stemmed ("posts" -> "post", "stories" -> "story",
/// "shared" -> "share").
pub fn for_each_token(text: &str, mut each: impl FnMut(&str)) {
    let mut word = [0u8; MAX_WORD_LEN];
    let (mut len, mut too_long) = (0, false);
    // Appends a character; false if it does not fit.
    fn push(word: &mut [u8; MAX_WORD_LEN], len: &mut usize, c: char) -> bool {
        let end = *len + c.len_utf8();
        let Some(room) = word.get_mut(*len..end) else {
            return false;
        };
        c.encode_utf8(room);
        *len = end;
        true
    }
    for c in text.chars().chain(core::iter::once(' ')) {
        if c.is_ascii_alphanumeric() {
            too_long |= !push(&mut word, &mut len, c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                too_long |= !push(&mut word, &mut len, lower);
            }
        } else if len > 0 || too_long {
            // Whole characters were written, so the bytes are UTF-8.
            if let (false, Ok(token)) = (too_long, core::str::from_utf8(&word[..len])) {
                if !is_stop_word(token) {
                    each(stem(token));
                }
            }
            (len, too_long) = (0, false);
        }
    }
}

/// Irregular English forms and the word they meet: verb forms their base form, so that "saw" and
/// "seen" meet "see"; "people" meets "person"; and "many" meets "number", so that a question ("how many
/// people ...") finds the counts that answer it ("the number of people ...").
fn irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "became" => "become",
        "began" => "begin",
        "begun" => "begin",
        "bought" => "buy",
        "brought" => "bring",
        "built" => "build",
        "chose" => "choose",
        "chosen" => "choose",
        "fallen" => "fall",
        "fell" => "fall",
        "felt" => "feel",
        "found" => "find",
        "gave" => "give",
        "given" => "give",
        "gone" => "go",
        "grew" => "grow",
        "grown" => "grow",
        "heard" => "hear",
        "held" => "hold",
        "kept" => "keep",
        "knew" => "know",
        "known" => "know",
        "led" => "lead",
        "left" => "leave",
        "lost" => "lose",
        "made" => "make",
        "many" => "number",
        "meant" => "mean",
        "met" => "meet",
        "paid" => "pay",
        "people" => "person",
        "ran" => "run",
        "said" => "say",
        "saw" => "see",
        "seen" => "see",
        "sent" => "send",
        "shown" => "show",
        "sold" => "sell",
        "spent" => "spend",
        "taken" => "take",
        "thought" => "think",
        "told" => "tell",
        "took" => "take",
        "understood" => "understand",
        "went" => "go",
        "won" => "win",
        "written" => "write",
        "wrote" => "write",
        _ => return None,
    })
}

/// Words that mean nearly the same thing in questions about social media, so that a query can find an
/// entry written with the other word: "how many people saw a post" should reach "times content was
/// displayed". Only queries are expanded (see [`for_each_synonym`]); entries are indexed as written.
const SYNONYM_GROUPS: &[&[&str]] = &[
    &["see", "view", "display", "show", "watch"],
    &["buy", "purchase"],
    &["click", "tap"],
];

/// Calls `each` with the stemmed synonyms of a stemmed token, other than the token itself.
pub fn for_each_synonym(token: &str, mut each: impl FnMut(&str)) {
    // The groups hold base forms, which the stemmer only ever shortens: a word can only stem to the
    // token if it starts with it, which skips stemming almost every word.
    let stems_to = |word: &str| word.starts_with(token) && stem(word) == token;
    for group in SYNONYM_GROUPS
        .iter()
        .filter(|group| group.iter().any(|w| stems_to(w)))
    {
        for word in group.iter().filter(|w| !stems_to(w)) {
            each(stem(word));
        }
    }
}

/// A light suffix-stripping stemmer for lower-cased English words. It only ever cuts a suffix, so that
/// the forms of one word meet: "share", "shares", "shared", "sharing" -> "shar"; "story", "stories" ->
/// "stor"; "boxes", "box" -> "box"; "ads" -> "ad". Non-ASCII words are left alone.
pub fn stem(word: &str) -> &str {
    if !word.is_ascii() {
        return word;
    }
    let mut s = irregular(word).unwrap_or(word);
    if let Some(x) = s.strip_suffix("ies").filter(|x| x.len() >= 2) {
        return x;
    }
    if let Some(x) = s
        .strip_suffix("ings")
        .or_else(|| s.strip_suffix("ing"))
        .filter(|x| x.len() >= 3)
    {
        s = x;
    } else if let Some(x) = s.strip_suffix("ed").filter(|x| x.len() >= 3) {
        s = x;
    } else if let Some(x) = s.strip_suffix("es").filter(|x| {
        x.len() >= 2 && (x.ends_with(['s', 'x', 'z']) || x.ends_with("ch") || x.ends_with("sh"))
    }) {
        return x;
    } else if let Some(x) = s
        .strip_suffix('s')
        .filter(|x| x.len() >= 2 && !x.ends_with(['s', 'u', 'i']))
    {
        s = x;
    }
    if s.len() >= 3 {
        if let Some(x) = s.strip_suffix('e').or_else(|| s.strip_suffix('y')) {
            return x;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synonyms(word: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_synonym(stem(word), |s| out.push(s.to_owned()));
        out
    }

    #[test]
    fn synonyms_are_base_forms_the_stemmer_only_shortens() {
        // for_each_synonym skips words that do not start with the token on this ground.
        for word in SYNONYM_GROUPS.iter().flat_map(|group| group.iter()) {
            assert!(word.starts_with(stem(word)), "{word}");
        }
    }

    #[test]
    fn words_longer_than_the_buffer_are_skipped_whole() {
        let long = "x".repeat(MAX_WORD_LEN + 1);
        let fits = "é".repeat(MAX_WORD_LEN / 2);
        assert_eq!(
            tokens(&format!("reach {long} post {fits}")),
            ["reach", "post", fits.as_str()]
        );
    }

    #[test]
    fn synonyms_meet_in_stemmed_form_and_exclude_the_word_itself() {
        let saw = synonyms("saw");
        assert!(saw.contains(&stem("displayed").to_owned()), "{saw:?}");
        assert!(saw.contains(&stem("views").to_owned()), "{saw:?}");
        assert!(!saw.contains(&stem("see").to_owned()), "{saw:?}");
        assert_eq!(synonyms("purchases"), [stem("buy")]);
        assert!(synonyms("hashtag").is_empty());
    }

    fn tokens(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_token(text, |t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn drops_stop_words_and_punctuation() {
        assert_eq!(
            tokens("What is the metric for how many people saw a post?"),
            ["metric", "number", "person", "se", "post"]
        );
    }

    #[test]
    fn plural_and_singular_meet() {
        for (a, b) in [
            ("posts", "post"),
            ("metrics", "metric"),
            ("hashtags", "hashtag"),
            ("shares", "share"),
            ("shared", "share"),
            ("sharing", "share"),
            ("stories", "story"),
            ("reaches", "reach"),
            ("ads", "ad"),
            ("likes", "liked"),
            ("showings", "show"),
            ("earnings", "earning"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_eq!(stem("boxes"), stem("box"));
        for (a, b) in [
            ("saw", "sees"),
            ("seen", "seeing"),
            ("paid", "pays"),
            ("shown", "showing"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        for unchanged in ["feed", "seed", "status", "business", "été"] {
            assert_eq!(stem(unchanged), unchanged);
        }
    }
}
