//! The two closed vocabularies every entry is filed under: [`Category`] and [`Platform`].
//!
//! Shared by build time and run time: the build script includes this file, so the ids the compiler
//! accepts in glossary files are exactly the ids the runtime enums parse.

use core::fmt;
use core::str::FromStr;

/// Declares a fieldless enum whose variants map one-to-one onto kebab-case ids, with `ALL`, `COUNT`,
/// `as_str`, `index`, `Display` and `FromStr` — the same shape for [`Category`] and [`Platform`].
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $error:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $id:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// How many values there are.
            pub const COUNT: usize = Self::ALL.len();

            /// The kebab-case id used in glossary files, e.g. in `category = "..."`.
            pub const fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $id, )+ }
            }

            /// The position of this value in [`Self::ALL`].
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The Rust path of this variant, for generated code.
            #[doc(hidden)]
            pub const fn variant_name(self) -> &'static str {
                match self { $( $name::$variant => stringify!($variant), )+ }
            }
        }

        impl fmt::Display for $name {
            /// The id, padded and aligned as the format asks (`{:<26}`).
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl FromStr for $name {
            type Err = $error;

            /// Parses the kebab-case id; ASCII case is ignored.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
                    .ok_or_else(|| $error { value: truncated(s) })
            }
        }

        #[doc = concat!("The error returned when a string is not a known ", $what, " id.")]
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
        #[error("unknown {} {:?}; expected one of: {}", $what, .value, IdList($name::ALL))]
        pub struct $error {
            value: ErrorValue,
        }

        impl $error {
            /// The rejected input (cut to its first 64 bytes when longer).
            pub fn value(&self) -> &str {
                self.value.as_str()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

id_enum! {
    /// The subject area a term belongs to. Every term has exactly one.
    ///
    /// ```
    /// use social_glossary::Category;
    ///
    /// let category: Category = "metrics-analytics".parse().unwrap();
    /// assert_eq!(category, Category::MetricsAnalytics);
    /// assert_eq!(category.to_string(), "metrics-analytics");
    /// assert_eq!(Category::ALL.len(), 13);
    ///
    /// let err = "metrics".parse::<Category>().unwrap_err();
    /// assert!(err.to_string().contains("influencer-creator"));
    /// ```
    Category, ParseCategoryError, "category" {
        /// Influencer tiers, deals, briefs, usage rights, creator funds and monetization.
        InfluencerCreator => "influencer-creator",
        /// Post and video formats, UGC, memes, live, captions, alt text.
        ContentFormats => "content-formats",
        /// Reach, impressions, engagement rate, CTR, share of voice, ROI, attribution.
        MetricsAnalytics => "metrics-analytics",
        /// Campaign structure, pricing models, targeting, pixels, ad formats.
        Advertising => "advertising",
        /// Profile elements and named features of each network.
        PlatformFeatures => "platform-features",
        /// The networks and protocols themselves.
        Platforms => "platforms",
        /// Moderation, inbox, response time, trolls, chatbots, crisis management.
        CommunityEngagement => "community-engagement",
        /// Strategy, calendars, content pillars, brand voice, earned and owned media, funnel.
        StrategyBranding => "strategy-branding",
        /// Ranking signals, hashtags, trending, shadowban, algospeak, social search.
        AlgorithmsDiscovery => "algorithms-discovery",
        /// Listening and monitoring, sentiment, scheduling, approvals, UTM, APIs.
        ToolsWorkflow => "tools-workflow",
        /// Shoppable posts, shops, live shopping, affiliate links, discount codes.
        SocialCommerce => "social-commerce",
        /// Disclosure rules, privacy law, platform regulation, copyright, brand safety, bots.
        TrustSafetyCompliance => "trust-safety-compliance",
        /// Internet slang and culture.
        SlangCulture => "slang-culture",
    }
}

id_enum! {
    /// A social network (or, for [`Platform::Mastodon`], the fediverse it belongs to) where a term is used most.
    ///
    /// ```
    /// use social_glossary::Platform;
    ///
    /// assert_eq!("tiktok".parse::<Platform>(), Ok(Platform::TikTok));
    /// assert_eq!(Platform::X.as_str(), "x");
    /// assert!(Platform::ALL.contains(&Platform::Bluesky));
    /// ```
    Platform, ParsePlatformError, "platform" {
        /// Instagram (Meta).
        Instagram => "instagram",
        /// TikTok.
        TikTok => "tiktok",
        /// YouTube.
        YouTube => "youtube",
        /// X, formerly Twitter.
        X => "x",
        /// Facebook (Meta).
        Facebook => "facebook",
        /// LinkedIn.
        LinkedIn => "linkedin",
        /// Pinterest.
        Pinterest => "pinterest",
        /// Snapchat.
        Snapchat => "snapchat",
        /// Reddit.
        Reddit => "reddit",
        /// Threads (Meta).
        Threads => "threads",
        /// Bluesky, on the AT Protocol.
        Bluesky => "bluesky",
        /// Mastodon and the wider ActivityPub fediverse.
        Mastodon => "mastodon",
        /// Twitch.
        Twitch => "twitch",
        /// Discord.
        Discord => "discord",
        /// WhatsApp (Meta).
        WhatsApp => "whatsapp",
        /// Telegram.
        Telegram => "telegram",
        /// Tumblr.
        Tumblr => "tumblr",
        /// BeReal.
        BeReal => "bereal",
    }
}

/// Formats a list of ids as `a, b, c` without allocating.
struct IdList<T: 'static>(&'static [T]);

impl<T: AsRef<str>> fmt::Display for IdList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(v.as_ref())?;
        }
        Ok(())
    }
}

/// The rejected input of a parse error, kept inline (no allocation, so the error works without `std`).
#[derive(Clone, PartialEq, Eq)]
struct ErrorValue {
    bytes: [u8; 64],
    len: u8,
}

impl ErrorValue {
    fn as_str(&self) -> &str {
        // `truncated` only ever cuts at a char boundary, so this cannot fail; fall back to "" regardless.
        core::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }
}

impl fmt::Debug for ErrorValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

fn truncated(s: &str) -> ErrorValue {
    let mut end = s.len().min(64);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut bytes = [0u8; 64];
    bytes[..end].copy_from_slice(&s.as_bytes()[..end]);
    ErrorValue {
        bytes,
        len: end as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>(), Ok(*c));
            assert_eq!(Category::ALL[c.index()], *c);
        }
        for p in Platform::ALL {
            assert_eq!(p.as_str().parse::<Platform>(), Ok(*p));
            assert_eq!(Platform::ALL[p.index()], *p);
        }
    }

    #[test]
    fn parse_error_names_value_and_lists_valid_ids() {
        let err = "myspace".parse::<Platform>().unwrap_err();
        assert_eq!(err.value(), "myspace");
        let msg = format!("{err}");
        assert!(msg.contains("\"myspace\""), "{msg}");
        for p in Platform::ALL {
            assert!(msg.contains(p.as_str()), "{msg}");
        }
    }

    #[test]
    fn parse_error_truncates_long_input_on_a_char_boundary() {
        let long = "é".repeat(100);
        let err = long.parse::<Category>().unwrap_err();
        assert!(err.value().len() <= 64);
        assert!(long.starts_with(err.value()));
    }
}
