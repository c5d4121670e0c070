//! The typed glossary entry, [`Term`], and the small value types it hands out.
//!
//! A glossary keeps all of its terms' strings in one `&'static str`, back to back, and a term finds
//! each of its own through a small table of 16-bit numbers (its layout), held the same way: a term is
//! offsets and one pointer to its glossary's [`TermTable`], not a pointer per string, which keeps the
//! binary small and its start-up free of relocation work. The value types
//! ([`Benefit`], [`PlatformUsage`], [`Source`], ...) are built on access, and a term's lists are
//! handed out as a [`List`].

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;

use crate::packed::U16s;
use crate::taxonomy::{Category, Platform};

/// One glossary entry. Terms live in static tables; every accessor returns `'static` data, so a
/// `&'static Term` can be kept and passed around freely.
///
/// ```
/// let term = social_glossary::lookup("micro influencers").unwrap();
/// assert_eq!(term.slug(), "micro-influencer");
/// assert_eq!(term.name(), "Micro-Influencer");
/// assert_eq!(term.category(), social_glossary::Category::InfluencerCreator);
/// assert!(term.benefits().len() >= 2);
/// assert!(term.related().any(|t| t.slug() == "nano-influencer"));
/// ```
#[derive(Clone, Copy)]
pub struct Term {
    /// The glossary's strings and layouts, and the terms that positions name.
    table: &'static TermTable,
    /// Where the term's text starts in the table's text.
    text: u32,
    /// Where the term's layout starts in the table's layouts, and how many numbers it has.
    layout: u32,
    layout_len: u16,
    /// The position of the term that replaced it, plus one; 0 for none.
    superseded_by: u16,
    category: Category,
    last_reviewed: Option<ReviewDate>,
}

/// A term's strings and their layout, as the compiler writes them (`src/compiler/codegen.rs`).
///
/// The text starts where the term's does in its glossary's text, and holds, back to back: the slug, the name, the summary, the definition, the formula (if
/// any), the aliases, the examples, each benefit's title and description, each platform's reason,
/// each source's URL and title, the range's unit and note (if any), and the deprecation's date and
/// note (if any). The layout is a list of 16-bit numbers:
/// - `0..HEADER`: the index of the first string of the aliases, examples, benefits, platforms,
///   sources, range and deprecation, then the number of strings `n`;
/// - `HEADER..HEADER + n`: where each string ends in the text (each starts where the one before it
///   ends);
/// - then the numbers: each platform's position in [`Platform::ALL`], each source's access date
///   (two numbers: the year, then `month << 8 | day`; a year of 0 for none), and for a range, 1 if it
///   has an upper bound, then the bits of its lower and upper bounds (four numbers each, least
///   significant first);
/// - last, the related terms' positions in the glossary's [`TermTable`], then how many there are.
#[derive(Clone, Copy)]
pub struct Strings {
    text: &'static str,
    layout: U16s,
}

/// The numbers before the string ends in a term's layout.
const HEADER: usize = 8;
/// Where in the header each group of strings starts (the next group's start is where it ends).
const ALIASES: usize = 0;
const EXAMPLES: usize = 1;
const BENEFITS: usize = 2;
const PLATFORMS: usize = 3;
const SOURCES: usize = 4;
const RANGE: usize = 5;
const DEPRECATION: usize = 6;
/// The string index of the formula, if the term has one (the aliases start after it).
const FORMULA: usize = 4;

impl Strings {
    /// Number `i` of the layout (0 past its end).
    #[inline]
    fn number(&self, i: usize) -> usize {
        usize::from(self.layout.get(i))
    }

    /// String `k` of the text ("" past the end).
    #[inline]
    fn string(&self, k: usize) -> &'static str {
        let start = if k == 0 {
            0
        } else {
            self.number(HEADER + k - 1)
        };
        self.text.get(start..self.number(HEADER + k)).unwrap_or("")
    }

    /// The first string of `group` and how many strings it has.
    #[inline]
    fn group(&self, group: usize) -> (usize, usize) {
        let (start, end) = (self.number(group), self.number(group + 1));
        (start, end.saturating_sub(start))
    }

    /// Where the numbers after the string ends start.
    fn numbers(&self) -> usize {
        HEADER + self.number(HEADER - 1)
    }

    /// The 64 bits at number `i`, least significant 16 first.
    fn bits(&self, i: usize) -> u64 {
        (0..4).fold(0, |bits, j| bits | (self.number(i + j) as u64) << (16 * j))
    }

    /// The date at number `i`, if its year is not 0.
    fn date(&self, i: usize) -> Option<ReviewDate> {
        let (year, month_day) = (self.layout.get(i), self.layout.get(i + 1));
        (year != 0).then(|| ReviewDate::__new(year, (month_day >> 8) as u8, month_day as u8))
    }

    /// The related terms' positions, as little-endian 16-bit numbers: the last numbers of the layout
    /// before their count.
    fn related_positions(&self) -> &'static [u8] {
        let bytes = self.layout.0;
        let count_at = bytes.len().saturating_sub(2);
        let start = count_at.saturating_sub(2 * self.number(count_at / 2));
        bytes.get(start..count_at).unwrap_or(&[])
    }

    /// The list of the items of `group`, `T::STRINGS` strings each, whose numbers start at `numbers`.
    fn list<T: Item>(self, group: usize, numbers: usize) -> List<T> {
        let (first, strings) = self.group(group);
        List {
            strings: self,
            first,
            numbers,
            front: 0,
            back: strings / T::STRINGS,
            item: PhantomData,
        }
    }
}

impl Term {
    /// Builds a term from generated code: its glossary's table, where its text and its layout (see
    /// `Strings`) start there and how long the layout is, its category, the position of the term that
    /// replaced it plus one (0 for none), and its review date. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(
        table: &'static TermTable,
        text: u32,
        layout: u32,
        layout_len: u16,
        category: Category,
        superseded_by: u16,
        last_reviewed: Option<ReviewDate>,
    ) -> Term {
        Term {
            table,
            text,
            layout,
            layout_len,
            superseded_by,
            category,
            last_reviewed,
        }
    }

    /// The term's strings and their layout, cut from its glossary's. The layout's string ends are
    /// offsets from where the term's text starts, so the text runs on to the end of the glossary's.
    #[inline]
    fn strings(&self) -> Strings {
        let (layouts, at) = (self.table.layouts.0, 2 * self.layout as usize);
        let layout = layouts.get(at..at + 2 * usize::from(self.layout_len));
        Strings {
            text: self.table.text.get(self.text as usize..).unwrap_or(""),
            layout: U16s(layout.unwrap_or(&[])),
        }
    }

    /// The unique, URL-safe id, also the glossary file's name: `"engagement-rate"`.
    #[inline]
    pub fn slug(&self) -> &'static str {
        self.strings().string(0)
    }

    /// The display name: `"Engagement Rate"`.
    #[inline]
    pub fn name(&self) -> &'static str {
        self.strings().string(1)
    }

    /// Other names, spellings and acronyms that find this term through [`lookup`](crate::lookup).
    ///
    /// ```
    /// let ugc = social_glossary::get("user-generated-content").unwrap();
    /// assert!(ugc.aliases().any(|alias| alias == "UGC"));
    /// ```
    pub fn aliases(&self) -> List<&'static str> {
        self.strings().list(ALIASES, 0)
    }

    /// The subject area the term is filed under.
    pub const fn category(&self) -> Category {
        self.category
    }

    /// One sentence, short enough for a tooltip.
    pub fn summary(&self) -> &'static str {
        self.strings().string(2)
    }

    /// The full definition: two to five sentences.
    pub fn definition(&self) -> &'static str {
        self.strings().string(3)
    }

    /// Concrete illustrations of the term; may be empty.
    pub fn examples(&self) -> List<&'static str> {
        self.strings().list(EXAMPLES, 0)
    }

    /// Why the term matters to a brand, marketer or creator.
    pub fn benefits(&self) -> List<Benefit> {
        self.strings().list(BENEFITS, 0)
    }

    /// The platforms where the term is used most, each with the reason. Empty for platform-neutral terms.
    pub fn platforms(&self) -> List<PlatformUsage> {
        let s = self.strings();
        s.list(PLATFORMS, s.numbers())
    }

    /// Whether the term is tied to `platform`.
    ///
    /// ```
    /// use social_glossary::Platform;
    /// let duet = social_glossary::get("duet").unwrap();
    /// assert!(duet.is_used_on(Platform::TikTok));
    /// ```
    pub fn is_used_on(&self, platform: Platform) -> bool {
        self.platforms().any(|p| p.platform == platform)
    }

    /// Related terms: the entry's own links first, then every term of the same glossary that links to
    /// this one. Within one glossary the links are symmetric (if A lists B, B lists A); a glossary that
    /// extends the built-in one may link to built-in terms, which do not link back.
    ///
    /// ```
    /// let reach = social_glossary::get("reach").unwrap();
    /// for related in reach.related() {
    ///     assert!(related.related().contains(reach));
    /// }
    /// ```
    pub fn related(&self) -> TermList {
        TermList {
            table: self.table,
            positions: self.strings().related_positions(),
        }
    }

    /// How a metric is calculated, in plain text, for terms that have a formula.
    ///
    /// ```
    /// let ctr = social_glossary::lookup("CTR").unwrap();
    /// assert!(ctr.formula().unwrap().contains("clicks"));
    /// ```
    pub fn formula(&self) -> Option<&'static str> {
        let s = self.strings();
        (s.number(ALIASES) > FORMULA).then(|| s.string(FORMULA))
    }

    /// A typical numeric band (a follower tier, a price range) with a note on where sources disagree.
    pub fn range(&self) -> Option<TypicalRange> {
        let s = self.strings();
        let (first, strings) = s.group(RANGE);
        if strings < 2 {
            return None;
        }
        let at = s.numbers() + self.platforms().len() + 2 * self.sources().len();
        Some(TypicalRange {
            min: f64::from_bits(s.bits(at + 1)),
            max: (s.number(at) != 0).then(|| f64::from_bits(s.bits(at + 5))),
            unit: s.string(first),
            note: s.string(first + 1),
        })
    }

    /// When the entry was last checked against the platforms it describes.
    pub const fn last_reviewed(&self) -> Option<ReviewDate> {
        self.last_reviewed
    }

    /// Set when the term names a retired feature or product.
    pub fn deprecation(&self) -> Option<Deprecation> {
        let s = self.strings();
        let (first, strings) = s.group(DEPRECATION);
        (strings >= 2).then(|| Deprecation {
            since: s.string(first),
            superseded_by: (usize::from(self.superseded_by).checked_sub(1))
                .and_then(|position| self.table.get(position)),
            note: s.string(first + 1),
        })
    }

    /// The pages the entry's facts come from: figures, dates, limits, prices, laws and platform rules.
    ///
    /// ```
    /// for term in social_glossary::terms() {
    ///     for source in term.sources() {
    ///         assert!(source.url.starts_with("https://"));
    ///         assert!(!source.title.is_empty());
    ///     }
    /// }
    /// ```
    pub fn sources(&self) -> List<Source> {
        let s = self.strings();
        s.list(SOURCES, s.numbers() + self.platforms().len())
    }

    /// Whether the term names a retired feature or product.
    pub fn is_deprecated(&self) -> bool {
        self.deprecation().is_some()
    }
}

/// A list of a term's values, read from its static tables as it goes: [`Term::aliases`] and
/// [`Term::examples`] (strings), [`Term::benefits`], [`Term::platforms`] and [`Term::sources`]. It is
/// a cheap `Copy` iterator that also reads items by position.
///
/// ```
/// let term = social_glossary::get("micro-influencer").unwrap();
/// let benefits = term.benefits();
/// assert!(benefits.len() >= 2);
/// assert_eq!(benefits.get(0), benefits.first());
/// for benefit in benefits {
///     println!("{}: {}", benefit.title, benefit.description);
/// }
/// let aliases: Vec<&str> = term.aliases().collect();
/// assert_eq!(aliases.len(), term.aliases().len());
/// assert_eq!(term.aliases().rev().next(), aliases.last().copied());
/// ```
pub struct List<T> {
    strings: Strings,
    /// The string index of item 0, and where its numbers start.
    first: usize,
    numbers: usize,
    /// The items not yet iterated: `front..back`.
    front: usize,
    back: usize,
    item: PhantomData<fn() -> T>,
}

// Copy whatever the items are: a list is only numbers and pointers into static tables.
impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for List<T> {}

impl<T: Item> List<T> {
    /// How many items are left.
    pub fn len(&self) -> usize {
        self.back - self.front
    }

    /// Whether no item is left.
    pub fn is_empty(&self) -> bool {
        self.front == self.back
    }

    /// Item `index` of what is left, if there is one.
    pub fn get(&self, index: usize) -> Option<T> {
        let i = self.front.checked_add(index).filter(|&i| i < self.back)?;
        Some(T::read(
            &self.strings,
            self.first + i * T::STRINGS,
            self.numbers + i * T::NUMBERS,
        ))
    }

    /// The first item left, if any.
    pub fn first(&self) -> Option<T> {
        self.get(0)
    }

    /// The list itself, from where it is: lists are iterators already, so this only keeps code
    /// written for slices (`term.aliases().iter()`) working.
    pub fn iter(&self) -> List<T> {
        *self
    }
}

impl<T: Item> Iterator for List<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let item = self.get(0)?;
        self.front += 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len(), Some(self.len()))
    }

    fn nth(&mut self, n: usize) -> Option<T> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }
}

impl<T: Item> DoubleEndedIterator for List<T> {
    fn next_back(&mut self) -> Option<T> {
        let item = self.get(self.len().checked_sub(1)?)?;
        self.back -= 1;
        Some(item)
    }
}

impl<T: Item> ExactSizeIterator for List<T> {}

impl<T: Item> FusedIterator for List<T> {}

impl<T: Item + fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(*self).finish()
    }
}

/// The terms that a glossary's term lists name by position: its own terms in slug order, then the
/// terms of the glossary it extends. Not part of the public API.
#[doc(hidden)]
pub struct TermTable {
    own: &'static [Term],
    base: &'static [Term],
    /// Every own term's strings, back to back.
    text: &'static str,
    /// Every own term's layout, back to back.
    layouts: U16s,
}

impl TermTable {
    /// The table of a glossary's own terms and its base glossary's (empty if none), and the own
    /// terms' text and layouts. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(
        own: &'static [Term],
        base: &'static [Term],
        text: &'static str,
        layouts: U16s,
    ) -> TermTable {
        TermTable {
            own,
            base,
            text,
            layouts,
        }
    }

    /// The glossary's own terms, in slug order. Not part of the public API.
    #[doc(hidden)]
    pub const fn own(&self) -> &'static [Term] {
        self.own
    }

    /// The glossary's text: its terms' strings, then the strings its index tables point into. Not
    /// part of the public API.
    #[doc(hidden)]
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The term at `position`, if there is one (generated positions always name one).
    fn get(&self, position: usize) -> Option<&'static Term> {
        match position.checked_sub(self.own.len()) {
            None => self.own.get(position),
            Some(in_base) => self.base.get(in_base),
        }
    }
}

/// A list of terms: [`Term::related`], and a glossary's browsing lists ([`Glossary::terms`],
/// [`Glossary::by_category`], [`Glossary::by_platform`]). Like [`List`], a cheap `Copy` iterator that
/// also reads terms by position; it holds 16-bit positions in a static table rather than a
/// reference per term, which keeps the tables small and free of start-up relocations.
///
/// [`Glossary::terms`]: crate::Glossary::terms
/// [`Glossary::by_category`]: crate::Glossary::by_category
/// [`Glossary::by_platform`]: crate::Glossary::by_platform
///
/// ```
/// let reach = social_glossary::get("reach").unwrap();
/// let related = reach.related();
/// assert!(!related.is_empty());
/// assert_eq!(related.get(0), related.first());
/// assert!(related.contains(related.get(0).unwrap()));
/// let slugs: Vec<&str> = related.map(|t| t.slug()).collect();
/// assert_eq!(slugs.len(), reach.related().len());
/// ```
#[derive(Clone, Copy)]
pub struct TermList {
    table: &'static TermTable,
    /// The positions in `table` of the terms not yet iterated, as little-endian 16-bit numbers.
    positions: &'static [u8],
}

impl TermList {
    /// The list of `positions` (little-endian 16-bit numbers) in `table`. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(table: &'static TermTable, positions: &'static [u8]) -> TermList {
        TermList { table, positions }
    }

    /// How many terms are left.
    pub fn len(&self) -> usize {
        self.positions.len() / 2
    }

    /// Whether no term is left.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Term `index` of what is left, if there is one.
    pub fn get(&self, index: usize) -> Option<&'static Term> {
        let at = index.checked_mul(2)?;
        let bytes = self.positions.get(at..at.checked_add(2)?)?;
        self.table
            .get(usize::from(u16::from_le_bytes([bytes[0], bytes[1]])))
    }

    /// The first term left, if any.
    pub fn first(&self) -> Option<&'static Term> {
        self.get(0)
    }

    /// Whether `term` is in what is left of the list.
    pub fn contains(&self, term: &Term) -> bool {
        self.iter().any(|t| t == term)
    }

    /// The list itself, from where it is: lists are iterators already, so this only keeps code
    /// written for slices (`term.related().iter()`) working.
    pub fn iter(&self) -> TermList {
        *self
    }
}

impl Iterator for TermList {
    type Item = &'static Term;

    fn next(&mut self) -> Option<&'static Term> {
        let term = self.first()?;
        self.positions = self.positions.get(2..).unwrap_or(&[]);
        Some(term)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len(), Some(self.len()))
    }

    fn nth(&mut self, n: usize) -> Option<&'static Term> {
        let skip = n.saturating_mul(2).min(self.positions.len());
        self.positions = self.positions.get(skip..).unwrap_or(&[]);
        self.next()
    }
}

impl DoubleEndedIterator for TermList {
    fn next_back(&mut self) -> Option<&'static Term> {
        let term = self.get(self.len().checked_sub(1)?)?;
        self.positions = self
            .positions
            .get(..self.positions.len() - 2)
            .unwrap_or(&[]);
        Some(term)
    }
}

impl ExactSizeIterator for TermList {}

impl FusedIterator for TermList {}

impl fmt::Debug for TermList {
    /// The slugs of the terms left.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(Term::slug)).finish()
    }
}

use item::Item;

mod item {
    //! What a [`List`](super::List) can hold: sealed, so that only this crate adds item types.

    use super::{Benefit, Platform, PlatformUsage, Source, Strings};

    /// A type of the items of a [`List`](super::List): a string, a [`Benefit`], a
    /// [`PlatformUsage`] or a [`Source`]. Sealed: only this crate implements it.
    pub trait Item: Sized {
        /// The strings each item takes in the term's text.
        #[doc(hidden)]
        const STRINGS: usize;
        /// The numbers each item takes after the term's string ends.
        #[doc(hidden)]
        const NUMBERS: usize;
        /// The item whose strings start at `string` and whose numbers start at `number`.
        #[doc(hidden)]
        fn read(strings: &Strings, string: usize, number: usize) -> Self;
    }

    impl Item for &'static str {
        const STRINGS: usize = 1;
        const NUMBERS: usize = 0;
        fn read(strings: &Strings, string: usize, _: usize) -> Self {
            strings.string(string)
        }
    }

    impl Item for Benefit {
        const STRINGS: usize = 2;
        const NUMBERS: usize = 0;
        fn read(strings: &Strings, string: usize, _: usize) -> Self {
            Benefit {
                title: strings.string(string),
                description: strings.string(string + 1),
            }
        }
    }

    impl Item for PlatformUsage {
        const STRINGS: usize = 1;
        const NUMBERS: usize = 1;
        fn read(strings: &Strings, string: usize, number: usize) -> Self {
            let platform = Platform::ALL.get(strings.number(number));
            PlatformUsage {
                // The compiler writes only positions in `Platform::ALL`.
                platform: platform.copied().unwrap_or(Platform::ALL[0]),
                why: strings.string(string),
            }
        }
    }

    impl Item for Source {
        const STRINGS: usize = 2;
        const NUMBERS: usize = 2;
        fn read(strings: &Strings, string: usize, number: usize) -> Self {
            Source {
                url: strings.string(string),
                title: strings.string(string + 1),
                accessed: strings.date(number),
            }
        }
    }
}

impl PartialEq for Term {
    /// Two terms are equal when they are the same entry (slugs are unique within a glossary).
    fn eq(&self, other: &Self) -> bool {
        self.slug() == other.slug()
    }
}

impl Eq for Term {}

impl PartialEq<str> for Term {
    /// Compares the slug, as [`as_ref`](AsRef::as_ref) gives it: `term == *"engagement-rate"`.
    fn eq(&self, other: &str) -> bool {
        self.slug() == other
    }
}

impl core::hash::Hash for Term {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.slug().hash(state);
    }
}

impl AsRef<str> for Term {
    /// The slug, the term's identity, as equality with a `str` compares it.
    ///
    /// ```
    /// let term = social_glossary::get("engagement-rate").unwrap();
    /// assert_eq!(term.as_ref(), "engagement-rate");
    /// assert!(*term == *term.as_ref());
    /// ```
    fn as_ref(&self) -> &str {
        self.slug()
    }
}

impl fmt::Debug for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Term")
            .field("slug", &self.slug())
            .field("name", &self.name())
            .field("category", &self.category)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Term {
    /// A readable, plain-text rendering of the whole entry. The alternate form (`{:#}`) prints only
    /// `Name: summary`.
    ///
    /// ```
    /// let term = social_glossary::get("micro-influencer").unwrap();
    /// let text = term.to_string();
    /// assert!(text.starts_with("Micro-Influencer"));
    /// assert!(text.contains("Why it matters"));
    /// assert_eq!(format!("{term:#}"), format!("Micro-Influencer: {}", term.summary()));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return write!(f, "{}: {}", self.name(), self.summary());
        }
        write!(f, "{} ({})", self.name(), self.category)?;
        if !self.aliases().is_empty() {
            f.write_str("\nAlso called: ")?;
            write_joined(f, self.aliases())?;
        }
        if let Some(dep) = self.deprecation() {
            write!(f, "\nRetired ({})", dep.since)?;
            if let Some(next) = dep.superseded_by {
                write!(f, ", replaced by {}", next.name())?;
            }
            write!(f, ": {}", dep.note)?;
        }
        write!(f, "\n\n{}\n\n{}", self.summary(), self.definition())?;
        if let Some(formula) = self.formula() {
            write!(f, "\n\nFormula: {formula}")?;
        }
        if let Some(range) = self.range() {
            write!(f, "\n\nTypical range: {range}. {}", range.note)?;
        }
        if !self.examples().is_empty() {
            f.write_str("\n\nExamples:")?;
            for example in self.examples() {
                write!(f, "\n  - {example}")?;
            }
        }
        if !self.benefits().is_empty() {
            f.write_str("\n\nWhy it matters:")?;
            for benefit in self.benefits() {
                write!(f, "\n  - {}: {}", benefit.title, benefit.description)?;
            }
        }
        if !self.platforms().is_empty() {
            f.write_str("\n\nWhere it is used most:")?;
            for usage in self.platforms() {
                write!(f, "\n  - {}: {}", usage.platform, usage.why)?;
            }
        }
        if !self.related().is_empty() {
            f.write_str("\n\nRelated: ")?;
            write_joined(f, self.related().map(Term::name))?;
        }
        if !self.sources().is_empty() {
            f.write_str("\n\nSources:")?;
            for source in self.sources() {
                write!(f, "\n  - {source}")?;
            }
        }
        if let Some(date) = self.last_reviewed {
            write!(f, "\n\nLast reviewed: {date}")?;
        }
        Ok(())
    }
}

fn write_joined<'a>(
    f: &mut fmt::Formatter<'_>,
    items: impl Iterator<Item = &'a str>,
) -> fmt::Result {
    for (i, item) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(item)?;
    }
    Ok(())
}

/// Why a term matters: a short title and a sentence or two of explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Benefit {
    /// A short title, e.g. "Trust that converts".
    pub title: &'static str,
    /// The explanation.
    pub description: &'static str,
}

/// A platform where a term is used most, and why there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PlatformUsage {
    /// The platform.
    pub platform: Platform,
    /// Why the term lives there.
    pub why: &'static str,
}

/// A typical numeric band for a term, such as a follower tier, with a note where sources disagree.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TypicalRange {
    /// The lower bound.
    pub min: f64,
    /// The upper bound; `None` for open-ended bands ("1M and up").
    pub max: Option<f64>,
    /// What is counted, e.g. "followers".
    pub unit: &'static str,
    /// Where sources disagree and how much.
    pub note: &'static str,
}

impl fmt::Display for TypicalRange {
    /// `10,000 to 100,000 followers` or `1,000,000 and more followers`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_thousands(f, self.min)?;
        match self.max {
            Some(max) => {
                f.write_str(" to ")?;
                write_thousands(f, max)?;
            }
            None => f.write_str(" and more")?,
        }
        write!(f, " {}", self.unit)
    }
}

/// Writes whole numbers with thousands separators (`100,000`) and fractions as they are (`0.5`).
fn write_thousands(f: &mut fmt::Formatter<'_>, n: f64) -> fmt::Result {
    // `as` truncates toward zero; comparing back tells whole numbers apart without `f64::fract` (std only).
    if n.abs() < 1e15 && (n as i64) as f64 == n {
        write_grouped(f, (n as i64).unsigned_abs(), n < 0.0)
    } else {
        write!(f, "{n}")
    }
}

fn write_grouped(f: &mut fmt::Formatter<'_>, n: u64, negative: bool) -> fmt::Result {
    if negative {
        f.write_str("-")?;
    }
    if n >= 1000 {
        write_grouped(f, n / 1000, false)?;
        write!(f, ",{:03}", n % 1000)
    } else {
        write!(f, "{n}")
    }
}

/// A calendar date, used for [`Term::last_reviewed`]. Displays as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct ReviewDate {
    /// The year, e.g. 2026.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl ReviewDate {
    /// Builds a value from generated code. Not part of the public API.
    #[doc(hidden)]
    pub const fn __new(year: u16, month: u8, day: u8) -> ReviewDate {
        ReviewDate { year, month, day }
    }
}

impl fmt::Display for ReviewDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ReviewDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A page that an entry cites for its facts; see [`Term::sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Source {
    /// The page's `https://` address.
    pub url: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// When the page was read, if the entry says.
    pub accessed: Option<ReviewDate>,
}

impl fmt::Display for Source {
    /// `title <url>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} <{}>", self.title, self.url)
    }
}

/// Marks a term that names a retired feature or product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deprecation {
    /// When it was retired: `"2021"` or `"2021-08"`.
    pub since: &'static str,
    /// The term that replaced it, if one did.
    pub superseded_by: Option<&'static Term>,
    /// What happened.
    pub note: &'static str,
}

#[cfg(feature = "serde")]
mod serialize {
    //! `Serialize` for [`Term`] and [`Deprecation`]: links to other terms are written as slugs.

    use serde::ser::{Serialize, SerializeStruct, Serializer};

    use super::{Deprecation, Item, List, Term, TermList};

    impl Serialize for TermList {
        /// A sequence of the terms, each in full.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(*self)
        }
    }

    /// A list of terms, serialized as their slugs (links to other terms).
    struct Slugs(TermList);

    impl Serialize for Slugs {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.map(Term::slug))
        }
    }

    impl Serialize for Term {
        /// Every field, with `related` as a list of slugs.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Term", 15)?;
            s.serialize_field("slug", self.slug())?;
            s.serialize_field("name", self.name())?;
            s.serialize_field("aliases", &self.aliases())?;
            s.serialize_field("category", &self.category())?;
            s.serialize_field("summary", self.summary())?;
            s.serialize_field("definition", self.definition())?;
            s.serialize_field("examples", &self.examples())?;
            s.serialize_field("benefits", &self.benefits())?;
            s.serialize_field("platforms", &self.platforms())?;
            s.serialize_field("related", &Slugs(self.related()))?;
            s.serialize_field("formula", &self.formula())?;
            s.serialize_field("range", &self.range())?;
            s.serialize_field("last_reviewed", &self.last_reviewed())?;
            s.serialize_field("deprecation", &self.deprecation())?;
            s.serialize_field("sources", &self.sources())?;
            s.end()
        }
    }

    impl<T: Item + Serialize> Serialize for List<T> {
        /// A sequence of the items.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(*self)
        }
    }

    impl Serialize for Deprecation {
        /// `since`, `superseded_by` (a slug or null) and `note`.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Deprecation", 3)?;
            s.serialize_field("since", self.since)?;
            s.serialize_field("superseded_by", &self.superseded_by.map(Term::slug))?;
            s.serialize_field("note", self.note)?;
            s.end()
        }
    }
}
