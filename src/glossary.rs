//! [`Glossary`]: a set of compiled static tables and the queries that run on them without allocating.

#[cfg(feature = "std")]
use crate::find::{FindPattern, Finder, Mention};
use crate::normalize::NormalizedKey;
#[cfg(feature = "std")]
use crate::packed::text_at;
use crate::packed::{U16s, U32s};
use crate::perfect_hash::PerfectHash;
use crate::taxonomy::{Category, Platform};
use crate::term::{Term, TermList, TermTable};

/// A compiled glossary: its terms and the perfect-hash maps and indexes built for them at compile time.
///
/// The crate's own glossary is [`glossary()`](crate::glossary()); the free functions of the crate root
/// delegate to it. Other crates can compile their own glossaries into this same type with the
/// `compiler` feature.
///
/// ```
/// use social_glossary::{glossary, Category};
///
/// let g = glossary();
/// let term = g.lookup("Engagement Rate").unwrap();
/// assert_eq!(term.category(), Category::MetricsAnalytics);
/// assert!(g.by_category(Category::MetricsAnalytics).contains(&term));
/// ```
pub struct Glossary {
    tables: GlossaryTables,
}

/// The static tables behind a [`Glossary`], filled in by generated code. Not part of the public API.
#[doc(hidden)]
pub struct GlossaryTables {
    /// Every term, sorted by slug (`table.own()`), then the base glossary's terms: what the
    /// positions in the other tables index.
    pub table: &'static TermTable,
    /// Every term's position in `table`, sorted by name (case-insensitively), then slug.
    pub alphabetical: U16s,
    /// The perfect hash of lookup: over the normalized keys (slugs, names, aliases and the singulars,
    /// plurals and possessives the compiler derives from them) and the spellings as typed
    /// (`src/typed.rs`: slugs, names and aliases folded as written and with their spaces and hyphens
    /// dropped, and their plurals).
    pub lookup: PerfectHash,
    /// The rows of `lookup`, in slot order, two numbers each: where the string starts in `text`, and
    /// `term << 14 | as_typed << 13 | len`: the term's position in `table`, 1 if the string is a
    /// spelling as typed, and its length (0 for an empty slot; no string is empty).
    pub lookup_rows: U32s,
    /// The positions of the terms of each category, indexed by `Category::index`, each sorted like
    /// `alphabetical`.
    pub by_category: [U16s; Category::COUNT],
    /// The positions of the terms used on each platform, indexed by `Platform::index`, each sorted
    /// like `alphabetical`.
    pub by_platform: [U16s; Platform::COUNT],
    /// Every name and alias, one per normalized key, sorted by key (completion and suggestions): three
    /// numbers each, `key start << 7 | key length` in `text`, the spelling's start in `text`, and
    /// `term << 16 | spelling length`, the term's position in `table`.
    pub spellings: U32s,
    /// The perfect hash over the padded byte trigrams of the spellings' keys (suggestions).
    pub grams: PerfectHash,
    /// The rows of `grams`, in slot order, two numbers each: the trigram (u32::MAX for an empty
    /// slot), and where its list in `gram_postings` ends; it starts where the previous slot's ends
    /// (the lists lie in slot order).
    pub gram_rows: U32s,
    /// One list per trigram of the spellings whose key contains it, as `packed::Gaps`: the
    /// spellings' positions in `spellings`, ascending.
    pub gram_postings: &'static [u8],
    /// The perfect hash over the stemmed words of ranked search.
    pub words: PerfectHash,
    /// The rows of `words`, in slot order, two numbers each: where the word starts in `text`, and
    /// `length << 24 | end`: its length (0 for an empty slot) and where its postings end in
    /// `postings`; they start where the previous slot's end (the lists lie in slot order).
    pub word_rows: U32s,
    /// One list per word, as `packed::Gaps`: the positions in the slug-ordered table of the terms
    /// that use it (so a glossary has at most 65,536 terms), ascending, each followed by two bytes,
    /// `weight << 6 | fields` (little-endian): where the word occurs (bits of `tokenize::field`:
    /// name, alias, summary, definition, category, phrasing), and what it adds to the term's score
    /// before its rarity is applied, computed by the compiler from where and how often it occurs and
    /// how prominent the term is, in ten bits: a bfloat16 (the top half of an `f32`) from 1/8 to
    /// 31.875 (`packed::pack_posting`).
    pub postings: &'static [u8],
    /// Literal spellings to look for in running text (finding terms), two numbers each: the text's
    /// start in `text`, and `term << 15 | len << 2 | flags`: the term's position in `table`, the
    /// text's length, 1 if the case must match and 2 if it counts only in social-media context.
    pub patterns: U32s,
    /// The automaton over `patterns`, built on first use.
    pub matcher: &'static MatcherCell,
    /// The glossary this one extends: `get` and `lookup` fall back to it.
    pub base: Option<&'static Glossary>,
}

/// One way to write a term, for completion and suggestions: a row of `GlossaryTables::spellings`.
#[cfg(feature = "std")]
pub(crate) struct Spelling {
    /// The normalized key.
    pub key: &'static str,
    /// The name or alias as written.
    pub text: &'static str,
    /// The term it names.
    pub term: &'static Term,
}

/// The lazily built text matcher of a glossary. Not part of the public API.
#[doc(hidden)]
pub struct MatcherCell {
    #[cfg(feature = "std")]
    finder: std::sync::OnceLock<Finder>,
}

impl MatcherCell {
    /// An empty cell; the matcher is built on first use.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> MatcherCell {
        MatcherCell {
            #[cfg(feature = "std")]
            finder: std::sync::OnceLock::new(),
        }
    }
}

impl Glossary {
    /// The generated tables, for the query modules of this crate.
    #[cfg(feature = "std")]
    pub(crate) const fn tables(&self) -> &GlossaryTables {
        &self.tables
    }

    /// Wraps generated tables. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(tables: GlossaryTables) -> Glossary {
        Glossary { tables }
    }

    /// The number of terms.
    ///
    /// ```
    /// assert!(social_glossary::glossary().len() > 0);
    /// ```
    pub const fn len(&self) -> usize {
        self.tables.table.own().len()
    }

    /// Whether the glossary has no terms.
    pub const fn is_empty(&self) -> bool {
        self.tables.table.own().is_empty()
    }

    /// The term with exactly this slug.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// assert_eq!(g.get("engagement-rate").unwrap().name(), "Engagement Rate");
    /// assert!(g.get("Engagement Rate").is_none()); // a name is not a slug; use `lookup`
    /// ```
    pub fn get(&self, slug: &str) -> Option<&'static Term> {
        // Every slug is a lookup key of its own term (the compiler guarantees it), so lookup finds
        // the term a slug can belong to; only the slug itself is left to compare.
        self.lookup(slug).filter(|term| term.slug() == slug)
    }

    /// Finds a term the way a person would type it. Case, spaces, hyphens, underscores, dots, slashes,
    /// apostrophes and a leading `#` are ignored, and so are the differences between typographic and
    /// plain characters (no-break spaces, Unicode dashes, curly apostrophes, fullwidth letters);
    /// aliases and acronyms resolve; regular plurals and possessives find their singular term. Never
    /// allocates, never panics, and takes time linear in the length of the query.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// for query in ["Micro-Influencers", "micro influencer", "MICROINFLUENCER", "microinfluencer's"] {
    ///     assert_eq!(g.lookup(query).unwrap().slug(), "micro-influencer");
    /// }
    /// assert_eq!(g.lookup("UGC").unwrap().slug(), "user-generated-content");
    /// assert!(g.lookup("not a social media term").is_none());
    /// ```
    #[inline]
    pub fn lookup(&self, query: &str) -> Option<&'static Term> {
        // Most queries are a spelling typed as written, in some case: the spellings as typed answer
        // them folded, without normalizing. They are only spellings whose answer is what
        // normalizing gives, so anything they miss can take the normalizing path.
        if let Some(folded) = crate::typed::fold(query) {
            if let Some(term) = self.probe(&folded, query.len(), true) {
                return Some(term);
            }
        }
        let mut key = NormalizedKey::EMPTY;
        if key.normalize(query) {
            self.lookup_key(&key)
        } else {
            None
        }
    }

    /// The own term the lookup table stores for a string, if it holds it (as a spelling as typed,
    /// when `as_typed`): one hash, one row, one comparison. The string comes as its bytes followed by
    /// zeros to a whole number of words (`padded`), `len` of them its own.
    #[inline]
    fn probe(&self, padded: &[u8], len: usize, as_typed: bool) -> Option<&'static Term> {
        let tables = &self.tables;
        let [start, row] = (tables.lookup_rows).row::<2>(tables.lookup.slot_of(padded, len));
        let (term, typed, stored_len) = (row >> 14, row >> 13 & 1 == 1, row & 0x1fff);
        let stored =
            (tables.table.text().as_bytes()).get(start as usize..(start + stored_len) as usize);
        if stored.is_some() && stored == padded.get(..len) && (typed || !as_typed) {
            self.tables.table.own().get(term as usize)
        } else {
            None
        }
    }

    /// [`lookup`](Self::lookup) of an already normalized key: this glossary's own terms, then the
    /// glossary it extends.
    #[inline]
    pub(crate) fn lookup_key(&self, key: &NormalizedKey) -> Option<&'static Term> {
        self.probe(key.padded(), key.as_bytes().len(), false)
            .or_else(|| self.tables.base.and_then(|base| base.lookup_key(key)))
    }

    /// Row `index` of the spelling table.
    #[cfg(feature = "std")]
    #[inline]
    pub(crate) fn spelling(&self, index: usize) -> Spelling {
        let tables = &self.tables;
        let [_, text_start, term_len] = tables.spellings.row::<3>(index);
        Spelling {
            key: self.spelling_key(index),
            text: text_at(tables.table.text(), text_start, term_len & 0xffff),
            term: &tables.table.own()[(term_len >> 16) as usize],
        }
    }

    /// The find patterns and the automaton over them, built on first use: they cost nothing to
    /// programs that never look for terms in text.
    #[cfg(feature = "std")]
    pub(crate) fn finder(&self) -> &Finder {
        let tables = &self.tables;
        (tables.matcher.finder).get_or_init(|| {
            Finder::new(FindPattern::decode(
                tables.patterns,
                tables.table.text(),
                tables.table.own(),
            ))
        })
    }

    /// The normalized key of row `index` of the spelling table, without decoding the rest of the row
    /// (suggestions check many keys and keep few).
    #[cfg(feature = "std")]
    #[inline]
    pub(crate) fn spelling_key(&self, index: usize) -> &'static str {
        let key = self.tables.spellings.get(index * 3);
        text_at(self.tables.table.text(), key >> 7, key & 0x7f)
    }

    /// How many rows the spelling table has.
    #[cfg(feature = "std")]
    pub(crate) fn spelling_count(&self) -> usize {
        self.tables.spellings.len() / 3
    }

    /// The first row of the spelling table whose key is not less than `key` (they are sorted by key).
    #[cfg(feature = "std")]
    pub(crate) fn first_spelling_at_or_after(&self, key: &str) -> usize {
        let (mut low, mut high) = (0, self.spelling_count());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.spelling_key(middle) < key {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// The glossary terms mentioned in `text` that an auto-linker should link, in order of position.
    ///
    /// Matches are whole words, ignore ASCII case and typographic differences (no-break spaces,
    /// Unicode dashes, line breaks inside a name), and include aliases and plurals (a possessive such as
    /// "Instagram's" is found as "Instagram"). Where mentions overlap the longest wins ("influencer
    /// marketing" is one mention, not two), and short all-capital acronyms ("AR", "ER") only match in
    /// capitals.
    ///
    /// A name that is also an everyday word ("post", "reach", "story", "feed": the list is
    /// `src/compiler/everyday-words.txt`) counts only where the text is about social media: where at
    /// least two mentions of unambiguous terms stand within about a paragraph (500 bytes) of it, or one
    /// stands right before it ("Instagram post"). So "I'll post the letter when we reach the village"
    /// links nothing, while the same words in a marketing paragraph are linked.
    /// [`find_terms_raw`](Self::find_terms_raw) returns every match without that rule.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// let text = "Our influencer marketing budget went to three micro-influencers with a strong engagement rate.";
    /// let found: Vec<&str> = g.find_terms(text).iter().map(|m| m.term.slug()).collect();
    /// assert_eq!(found, ["influencer-marketing", "micro-influencer", "engagement-rate"]);
    ///
    /// let marketing = "Each Instagram post got more reach after the influencer marketing push and a new hashtag.";
    /// let found: Vec<&str> = g.find_terms(marketing).iter().map(|m| m.term.slug()).collect();
    /// assert_eq!(found, ["instagram", "post", "reach", "influencer-marketing", "hashtag"]);
    /// ```
    #[cfg(feature = "std")]
    pub fn find_terms<'t>(&self, text: &'t str) -> Vec<Mention<'t>> {
        self.finder().mentions(text, true)
    }

    /// Every mention of a term in `text`, as [`find_terms`](Self::find_terms) finds them but without
    /// its rule for everyday words: "post", "reach" or "story" count wherever they stand, as they
    /// would in a text known to be about social media.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// let text = "I'll post the letter when we reach the village.";
    /// assert!(g.find_terms(text).is_empty());
    /// let raw: Vec<&str> = g.find_terms_raw(text).iter().map(|m| m.term.slug()).collect();
    /// assert_eq!(raw, ["post", "reach"]);
    /// ```
    #[cfg(feature = "std")]
    pub fn find_terms_raw<'t>(&self, text: &'t str) -> Vec<Mention<'t>> {
        self.finder().mentions(text, false)
    }

    /// The glossary this one extends, if any: [`get`](Self::get) and [`lookup`](Self::lookup) answer
    /// from it what this glossary's own terms do not. Browsing, suggestions, search and
    /// [`find_terms`](Self::find_terms) cover the own terms only.
    pub const fn base(&self) -> Option<&'static Glossary> {
        self.tables.base
    }

    /// Every term, in alphabetical order of name.
    ///
    /// ```
    /// let names: Vec<&str> = social_glossary::glossary().terms().map(|t| t.name()).collect();
    /// assert!(names.windows(2).all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
    /// ```
    pub fn terms(&self) -> TermList {
        self.term_list(self.tables.alphabetical)
    }

    /// The terms at the positions `list` holds.
    fn term_list(&self, list: U16s) -> TermList {
        TermList::__new(self.tables.table, list.0)
    }

    /// Every term, in slug order: the canonical table.
    pub const fn terms_by_slug(&self) -> &'static [Term] {
        self.tables.table.own()
    }

    /// The terms of one category, in alphabetical order of name.
    ///
    /// ```
    /// use social_glossary::Category;
    /// let metrics = social_glossary::glossary().by_category(Category::MetricsAnalytics);
    /// assert!(metrics.iter().any(|t| t.slug() == "reach"));
    /// assert!(metrics.iter().all(|t| t.category() == Category::MetricsAnalytics));
    /// ```
    #[inline]
    pub fn by_category(&self, category: Category) -> TermList {
        self.term_list(self.tables.by_category[category.index()])
    }

    /// The terms tied to one platform, in alphabetical order of name.
    ///
    /// ```
    /// use social_glossary::Platform;
    /// let tiktok = social_glossary::glossary().by_platform(Platform::TikTok);
    /// assert!(tiktok.iter().any(|t| t.slug() == "duet"));
    /// ```
    #[inline]
    pub fn by_platform(&self, platform: Platform) -> TermList {
        self.term_list(self.tables.by_platform[platform.index()])
    }

    /// Every category with its number of terms, in [`Category::ALL`] order.
    ///
    /// ```
    /// let total: usize = social_glossary::glossary().categories().map(|(_, n)| n).sum();
    /// assert_eq!(total, social_glossary::glossary().len());
    /// ```
    pub fn categories(&self) -> impl ExactSizeIterator<Item = (Category, usize)> + 'static {
        let by_category = self.tables.by_category;
        Category::ALL
            .iter()
            .map(move |&c| (c, by_category[c.index()].len()))
    }

    /// Every platform with its number of terms, in [`Platform::ALL`] order.
    ///
    /// ```
    /// use social_glossary::Platform;
    /// let (platform, count) = social_glossary::glossary().platforms().next().unwrap();
    /// assert_eq!(platform, Platform::Instagram);
    /// assert!(count > 0);
    /// ```
    pub fn platforms(&self) -> impl ExactSizeIterator<Item = (Platform, usize)> + 'static {
        let by_platform = self.tables.by_platform;
        Platform::ALL
            .iter()
            .map(move |&p| (p, by_platform[p.index()].len()))
    }
}

impl core::fmt::Debug for Glossary {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Glossary")
            .field("terms", &self.len())
            .finish_non_exhaustive()
    }
}
