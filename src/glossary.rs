//! [`Glossary`]: a set of compiled static tables and the queries that run on them without allocating.

use crate::normalize::{NormalizedKey, ProbeKey, QueryWords, ShortKey, TypedKey};
use crate::packed::{U32s, U64s};
use crate::swar::load_word;
use crate::taxonomy::{Category, Platform};
use crate::term::Term;

/// A compiled glossary: its terms and the perfect-hash maps and indexes built for them at compile time.
///
/// The crate's own glossary is [`glossary()`](crate::glossary()) (also the static
/// [`GLOSSARY`](crate::GLOSSARY)); the free functions of the crate root delegate to it. Other crates can
/// compile their own glossaries into this same type with the `compiler` feature.
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
    /// Every term, sorted by slug.
    pub terms: &'static [Term],
    /// Every term, sorted by name (case-insensitively), then slug.
    pub alphabetical: &'static [&'static Term],
    /// Pilots of the perfect hash over the as-typed forms, one per bucket (see `src/perfect_hash.rs`).
    pub typed_pilots: U32s,
    /// Slots of that hash, four words each: a form's bytes, NUL-padded to 24, then its length plus
    /// the term's position in `terms` shifted up 8 bits. The forms are the ASCII names, aliases and slugs
    /// lower-cased as written, with spaces and hyphens swapped or dropped, and their plurals: what
    /// people type, answered from the query case-folded (`normalize::fold_case_of_word`) instead of
    /// normalized. Each answers exactly what its normalized key does; empty slots have length 0,
    /// which no form has.
    pub typed_rows: U64s,
    /// Pilots of the perfect hash over normalized keys, one per bucket (see `src/perfect_hash.rs`).
    pub key_pilots: U32s,
    /// Slots of that hash, three numbers each: where the key starts in `key_text`, its length, and the
    /// term's position in `terms`. Keys are normalized slugs, names, aliases and derived singular
    /// forms; empty slots have length 0, which no key has.
    pub key_slots: U32s,
    /// The keys of `key_slots`, each NUL-padded to whole 8-byte words so that it compares with a
    /// query's key word by word.
    pub key_text: &'static [u8],
    /// Terms of each category, indexed by `Category::index`, each sorted like `alphabetical`.
    pub by_category: &'static [&'static [&'static Term]; Category::COUNT],
    /// Terms used on each platform, indexed by `Platform::index`, each sorted like `alphabetical`.
    pub by_platform: &'static [&'static [&'static Term]; Platform::COUNT],
    /// Every name and alias, one per normalized key, sorted by key (completion and suggestions): five
    /// numbers each, the key's start and length in `text`, the spelling's start and length, and the
    /// term's position in `terms`.
    pub spellings: U32s,
    /// The strings the other tables point into.
    pub text: &'static str,
    /// Pilots of the perfect hash over the padded byte trigrams of keys (suggestions).
    pub gram_pilots: U32s,
    /// Slots of that hash, three numbers each: the trigram, and the start and length of its list in
    /// `gram_postings`; empty slots hold trigram u32::MAX.
    pub gram_slots: U32s,
    /// One list per trigram of the spellings whose key contains it, in ascending order: each entry
    /// is `position << 7 | key length`, the spelling's position in `spellings` and the length of its
    /// key, so that suggestions can skip keys of the wrong length without reading them.
    pub gram_postings: U32s,
    /// Stemmed word -> (start, len) of its postings in the three `posting_*` arrays (ranked search).
    pub words: &'static phf::Map<&'static str, (u32, u32)>,
    /// Per posting: the term's position in the slug-ordered table.
    pub posting_terms: U32s,
    /// Per posting: where the word occurs (bits for name, alias, summary, definition, category).
    pub posting_fields: &'static [u8],
    /// Per posting: what the word adds to the term's score before its rarity is applied, computed by
    /// the compiler from where and how often it occurs (`f32` bits).
    pub posting_weights: U32s,
    /// Literal spellings to look for in running text (finding terms), four numbers each: the text's
    /// start and length in `text`, the term's position in `terms`, and 1 if the case must match.
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

/// A literal that mentions a term in running text: a row of `GlossaryTables::patterns`, decoded on
/// first use. Not part of the public API.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct FindPattern {
    /// The text to look for (ASCII case is ignored unless `exact_case`).
    pub text: &'static str,
    /// The term it mentions.
    pub term: &'static Term,
    /// Whether the case must match too (short all-capital acronyms).
    pub exact_case: bool,
}

/// The lazily built text matcher of a glossary. Not part of the public API.
#[doc(hidden)]
pub struct MatcherCell {
    #[cfg(feature = "std")]
    pub(crate) cell: std::sync::OnceLock<crate::find::Finder>,
    /// The decoded rows of `GlossaryTables::patterns`.
    #[cfg(feature = "std")]
    pub(crate) patterns: std::sync::OnceLock<Vec<FindPattern>>,
}

impl MatcherCell {
    /// An empty cell; the matcher is built on first use.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> MatcherCell {
        MatcherCell {
            #[cfg(feature = "std")]
            cell: std::sync::OnceLock::new(),
            #[cfg(feature = "std")]
            patterns: std::sync::OnceLock::new(),
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
        self.tables.terms.len()
    }

    /// Whether the glossary has no terms.
    pub const fn is_empty(&self) -> bool {
        self.tables.terms.is_empty()
    }

    /// The term with exactly this slug.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// assert_eq!(g.get("engagement-rate").unwrap().name(), "Engagement Rate");
    /// assert!(g.get("Engagement Rate").is_none()); // a name is not a slug; use `lookup`
    /// ```
    #[inline]
    pub fn get(&self, slug: &str) -> Option<&'static Term> {
        // Every slug is also a lookup key of its own term (the compiler guarantees it), so the
        // lookup tables answer exact gets too, once the slug itself is compared. A slug of at most
        // 24 bytes (lower-case letters, digits and hyphens) is an as-typed form as well: a query the
        // as-typed table misses cannot be the slug of any term.
        let own = match QueryWords::load(slug.as_bytes()) {
            Some(words) => self.probe_typed(&words.case_folded()),
            None => NormalizedKey::new(slug).and_then(|key| self.probe(&key)),
        }
        .filter(|term| term.slug() == slug);
        match own {
            Some(term) => Some(term),
            None => self.tables.base.and_then(|base| base.get(slug)),
        }
    }

    /// Finds a term the way a person would type it. Case, spaces, hyphens, underscores, dots, slashes,
    /// apostrophes and a leading `#` are ignored; aliases and acronyms resolve; simple English plurals
    /// and possessives find their singular term. Never allocates, never panics.
    ///
    /// ```
    /// let g = social_glossary::glossary();
    /// for query in ["Micro-Influencers", "micro influencer", "MICROINFLUENCER", "microinfluencer's"] {
    ///     assert_eq!(g.lookup(query).unwrap().slug(), "micro-influencer");
    /// }
    /// assert_eq!(g.lookup("UGC").unwrap().slug(), "user-generated-content");
    /// assert!(g.lookup("not a social media term").is_none());
    /// ```
    // Always inlined: of a hit's ~10 ns, the call and its register saves took about 1.
    #[inline(always)]
    pub fn lookup(&self, query: &str) -> Option<&'static Term> {
        // Most queries are a term's spelling typed as written, in some case: the as-typed table
        // answers those from the query case-folded, without normalizing it. Its answer is always
        // the one normalizing would give, so everything else can take the normalizing path.
        let words = QueryWords::load(query.as_bytes());
        if let Some(term) = words.and_then(|words| self.probe_typed(&words.case_folded())) {
            return Some(term);
        }
        self.lookup_normalized(query)
    }

    /// [`lookup`](Self::lookup) without the as-typed table: normalize the query, probe its key, then
    /// its singular forms, then the base glossary. Kept out of line so that the as-typed path stays
    /// short (the query is loaded again here rather than passed through the stack).
    #[inline(never)]
    fn lookup_normalized(&self, query: &str) -> Option<&'static Term> {
        // Short, plain queries are folded in registers; every other query takes the general
        // normalizer.
        match QueryWords::load(query.as_bytes()).and_then(ShortKey::fold) {
            Some(key) => match self.probe(&key) {
                Some(term) => Some(term),
                // Only a key ending in "s" has singular forms to try.
                None if key.ends_with(b's') || self.tables.base.is_some() => {
                    self.lookup_beyond_exact(&NormalizedKey::from(key))
                }
                None => None,
            },
            None => {
                let key = NormalizedKey::new(query)?;
                match self.probe(&key) {
                    Some(term) => Some(term),
                    None => self.lookup_beyond_exact(&key),
                }
            }
        }
    }

    /// The rest of [`lookup`](Self::lookup) once the exact key missed: singular forms, then the base
    /// glossary.
    #[inline(never)]
    fn lookup_beyond_exact(&self, key: &NormalizedKey) -> Option<&'static Term> {
        self.probe_singulars(key)
            .or_else(|| self.tables.base.and_then(|base| base.lookup_key(key)))
    }

    /// [`lookup`](Self::lookup) of an already normalized key, in this glossary's own terms only.
    #[inline]
    pub(crate) fn lookup_key(&self, key: &NormalizedKey) -> Option<&'static Term> {
        self.probe(key).or_else(|| self.probe_singulars(key))
    }

    /// The term of the first singular form of `key` that is a key of this glossary.
    fn probe_singulars(&self, key: &NormalizedKey) -> Option<&'static Term> {
        key.singular_candidates()
            .find_map(|singular| self.probe(&singular))
    }

    /// The term whose as-typed form is `key`: one hash, one slot, one comparison of four words. The
    /// form sits in the slot itself, so nothing else is read before the answer.
    #[inline]
    fn probe_typed(&self, key: &TypedKey) -> Option<&'static Term> {
        let tables = &self.tables;
        let slot = (tables.typed_pilots).perfect_hash_slot(key.hash, tables.typed_rows.rows::<4>());
        let [w0, w1, w2, len_and_term] = tables.typed_rows.row::<4>(slot);
        let difference = (w0 ^ key.words[0])
            | (w1 ^ key.words[1])
            | (w2 ^ key.words[2])
            | ((len_and_term & 0xFF) ^ key.len as u64);
        if difference == 0 {
            tables.terms.get((len_and_term >> 8) as usize)
        } else {
            None
        }
    }

    /// The term whose normalized key is exactly `key`: one hash, one slot, one comparison.
    #[inline]
    fn probe(&self, key: &impl ProbeKey) -> Option<&'static Term> {
        let tables = &self.tables;
        let slot = tables
            .key_pilots
            .perfect_hash_slot(key.key_hash(), tables.key_slots.len() / 3);
        let [start, len, term] = tables.key_slots.row::<3>(slot);
        if len as usize != key.key_len() {
            return None;
        }
        let stored = tables
            .key_text
            .get(start as usize..start as usize + (len as usize).next_multiple_of(8))?;
        let same = (stored.chunks_exact(8).enumerate())
            .all(|(i, eight)| load_word(eight, 0) == key.key_word(i));
        if same {
            tables.terms.get(term as usize)
        } else {
            None
        }
    }

    /// Row `index` of the spelling table.
    #[cfg(feature = "std")]
    #[inline]
    pub(crate) fn spelling(&self, index: usize) -> Spelling {
        let tables = &self.tables;
        let [_, _, text_start, text_len, term] = tables.spellings.row::<5>(index);
        Spelling {
            key: self.spelling_key(index),
            text: crate::packed::text_at(tables.text, text_start, text_len),
            term: &tables.terms[term as usize],
        }
    }

    /// The find patterns, decoded from their table on first use (like the automaton built over them,
    /// they cost nothing to programs that never look for terms in text).
    #[cfg(feature = "std")]
    pub(crate) fn find_pattern_list(&self) -> &'static [FindPattern] {
        let tables = &self.tables;
        tables.matcher.patterns.get_or_init(|| {
            (0..tables.patterns.len() / 4)
                .map(|row| {
                    let [start, len, term, exact_case] = tables.patterns.row::<4>(row);
                    FindPattern {
                        text: crate::packed::text_at(tables.text, start, len),
                        term: &tables.terms[term as usize],
                        exact_case: exact_case == 1,
                    }
                })
                .collect()
        })
    }

    /// The normalized key of row `index` of the spelling table, without decoding the rest of the row
    /// (suggestions check many keys and keep few).
    #[cfg(feature = "std")]
    #[inline]
    pub(crate) fn spelling_key(&self, index: usize) -> &'static str {
        let tables = &self.tables;
        let (key_start, key_len) = (
            tables.spellings.get(index * 5),
            tables.spellings.get(index * 5 + 1),
        );
        crate::packed::text_at(tables.text, key_start, key_len)
    }

    /// How many rows the spelling table has.
    #[cfg(feature = "std")]
    pub(crate) fn spelling_count(&self) -> usize {
        self.tables.spellings.len() / 5
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

    /// The glossary this one extends, if any: [`get`](Self::get) and [`lookup`](Self::lookup) answer
    /// from it what this glossary's own terms do not. Browsing, suggestions, search and
    /// [`find_terms`](Self::find_terms) cover the own terms only.
    pub const fn base(&self) -> Option<&'static Glossary> {
        self.tables.base
    }

    /// Every term, in alphabetical order of name.
    ///
    /// ```
    /// let names: Vec<&str> = social_glossary::glossary().terms().iter().map(|t| t.name()).collect();
    /// assert!(names.windows(2).all(|w| w[0].to_lowercase() <= w[1].to_lowercase()));
    /// ```
    pub const fn terms(&self) -> &'static [&'static Term] {
        self.tables.alphabetical
    }

    /// Every term, in slug order: the canonical table.
    pub const fn terms_by_slug(&self) -> &'static [Term] {
        self.tables.terms
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
    pub fn by_category(&self, category: Category) -> &'static [&'static Term] {
        self.tables.by_category[category.index()]
    }

    /// The terms tied to one platform, in alphabetical order of name.
    ///
    /// ```
    /// use social_glossary::Platform;
    /// let tiktok = social_glossary::glossary().by_platform(Platform::TikTok);
    /// assert!(tiktok.iter().any(|t| t.slug() == "duet"));
    /// ```
    #[inline]
    pub fn by_platform(&self, platform: Platform) -> &'static [&'static Term] {
        self.tables.by_platform[platform.index()]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::FOLD_AMBIGUOUS;

    fn builtin() -> &'static Glossary {
        crate::glossary()
    }

    /// The slug of what a lookup found, for readable failures.
    fn slug(term: Option<&'static Term>) -> Option<&'static str> {
        term.map(Term::slug)
    }

    #[test]
    fn every_form_in_the_as_typed_table_answers_what_normalizing_would() {
        let g = builtin();
        let rows = g.tables.typed_rows;
        let mut forms = 0;
        for slot in 0..rows.rows::<4>() {
            let [w0, w1, w2, len_and_term] = rows.row::<4>(slot);
            let len = (len_and_term & 0xFF) as usize;
            if len == 0 {
                continue;
            }
            let bytes: Vec<u8> = [w0, w1, w2].iter().flat_map(|w| w.to_le_bytes()).collect();
            let form = core::str::from_utf8(&bytes[..len]).unwrap();
            assert_eq!(form, form.to_ascii_lowercase(), "forms are lower-cased");
            assert!(
                !form.bytes().any(|b| FOLD_AMBIGUOUS.contains(&b)),
                "{form:?}"
            );
            let answer = g.tables.terms.get((len_and_term >> 8) as usize);
            assert_eq!(slug(answer), slug(g.lookup_normalized(form)), "{form:?}");
            assert_eq!(slug(g.lookup(&form.to_ascii_uppercase())), slug(answer));
            forms += 1;
        }
        // Every term has at least its slug there; most have several spellings and plurals.
        assert!(forms > 4 * g.len(), "{forms} forms for {} terms", g.len());
    }

    #[test]
    fn spellings_as_people_type_them_are_answered_without_normalizing() {
        let g = builtin();
        for term in g.tables.terms {
            let spellings = core::iter::once(term.slug())
                .chain(core::iter::once(term.name()))
                .chain(term.aliases().iter().copied());
            let fits = |s: &&str| {
                s.is_ascii()
                    && s.len() <= QueryWords::MAX_LEN
                    && !s.bytes().any(|b| FOLD_AMBIGUOUS.contains(&b))
            };
            for spelling in spellings.filter(fits) {
                let hyphens = spelling.replace(' ', "-");
                for typed in [spelling, &spelling.to_ascii_uppercase(), &hyphens] {
                    let words = QueryWords::load(typed.as_bytes()).unwrap();
                    let answer = g.probe_typed(&words.case_folded());
                    assert!(answer.is_some(), "{typed:?} is not in the as-typed table");
                    assert_eq!(slug(answer), slug(g.lookup_normalized(typed)), "{typed:?}");
                }
            }
        }
    }

    /// A spelling of some term typed the way people vary it: any case, separators swapped, an "s".
    fn typed_variant() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let spellings: Vec<&'static str> = (builtin().tables.terms.iter())
            .flat_map(|t| core::iter::once(t.name()).chain(t.aliases().iter().copied()))
            .collect();
        (
            proptest::sample::select(spellings),
            proptest::collection::vec(any::<bool>(), 32),
            prop_oneof![Just(" "), Just("-"), Just(""), Just("_"), Just("  ")],
            prop_oneof![Just(""), Just("s"), Just("'s"), Just("es"), Just("x")],
        )
            .prop_map(|(spelling, upper, separator, suffix)| {
                let cased: String = (spelling.chars().zip(upper.iter().cycle()))
                    .map(|(c, &up)| {
                        if up {
                            c.to_ascii_uppercase()
                        } else {
                            c.to_ascii_lowercase()
                        }
                    })
                    .collect();
                format!("{}{suffix}", cased.replace([' ', '-'], separator))
            })
    }

    proptest::proptest! {
        #[test]
        fn lookup_answers_what_normalizing_would(
            query in proptest::prop_oneof![typed_variant(), "[\\x00-\\x7f]{0,26}", "\\PC{0,12}"]
        ) {
            let g = builtin();
            proptest::prop_assert_eq!(slug(g.lookup(&query)), slug(g.lookup_normalized(&query)), "{:?}", query);
        }
    }
}
