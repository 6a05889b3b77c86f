//! `Violation`: one value breaking one rule, rendered in AWS's own words.

use std::fmt;

/// How many bytes of an offending value a [`Violation`] keeps for echoing.
///
/// A hostile 4 MB string must not be copied into its error: the echo is cut at
/// this many bytes (on a character boundary) and [`Violation::value_truncated`]
/// says so.
///
/// ```
/// use constrained::{Constrained, MAX_ECHO_BYTES};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(length(max = 8))]
/// pub struct Code(String);
///
/// let err = Code::new("x".repeat(10_000)).unwrap_err();
/// assert_eq!(err.value().map(str::len), Some(MAX_ECHO_BYTES));
/// assert!(err.value_truncated());
/// ```
pub const MAX_ECHO_BYTES: usize = 256;

/// Which rule a value broke, with the rule's bounds and what was measured.
///
/// Bounds are kept as the text written in the attribute (`2.2`, `-2147483648`),
/// because AWS messages print them as written in the model.
///
/// ```
/// # use constrained::Constrained;
/// # #[derive(Debug, Clone, Copy, Constrained)]
/// # #[constrained(range(min = 1, max = 100))]
/// # pub struct MaxResults(i32);
/// use constrained::{RangeSide, Rule};
///
/// let err = MaxResults::new(0).unwrap_err();
/// assert_eq!(
///     err.rule(),
///     &Rule::Range { min: Some("1"), max: Some("100"), violated: RangeSide::BelowMin }
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// `length(min, max)`: strings count Unicode scalar values, lists items, maps entries.
    Length {
        /// The inclusive lower bound, if any.
        min: Option<usize>,
        /// The inclusive upper bound, if any.
        max: Option<usize>,
        /// The length that was measured.
        actual: usize,
    },
    /// `pattern`: the whole value must match.
    Pattern {
        /// The pattern as written in the attribute.
        pattern: &'static str,
    },
    /// `range(min, max)` on a number.
    Range {
        /// The inclusive lower bound as written, if any.
        min: Option<&'static str>,
        /// The inclusive upper bound as written, if any.
        max: Option<&'static str>,
        /// Which bound the value is past.
        violated: RangeSide,
    },
    /// A float that is NaN or infinite: no range admits it.
    NotFinite,
    /// A value outside an enum's value set.
    Enum {
        /// The wire values listed in messages (internal values are left out).
        values: &'static [&'static str],
    },
    /// `unique_items`: two items of a list are equal.
    UniqueItems,
    /// A value not of the form its type reads (an invalid timestamp…), reported by the type's
    /// own `Deserialize` through [`reject_format`](crate::reject_format).
    Format {
        /// What the value must be: `an RFC 3339 date-time`.
        expected: &'static str,
    },
    /// A union (a serde enum written as an object) with other than exactly one member set.
    UnionMembers {
        /// The union's members.
        members: &'static [&'static str],
        /// How many members the value set.
        set: usize,
    },
    /// A required member is absent or `null`.
    Required,
    /// A `check = path` rule: the type's own function refused the value.
    Custom {
        /// The function's path as written in the attribute (`crate::reserved_names`).
        check: &'static str,
        /// The function's message, or `None` for a `sensitive` type, whose message could
        /// quote the value.
        message: Option<Box<str>>,
    },
}

impl Rule {
    /// The rule's name, as reports serialize it: `length`, `pattern`, `range`, `finite`, `enum`,
    /// `uniqueItems`, `required`, `union`, `format` or `custom`.
    ///
    /// ```
    /// use constrained::Rule;
    ///
    /// assert_eq!(Rule::Required.name(), "required");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Length { .. } => "length",
            Rule::Pattern { .. } => "pattern",
            Rule::Range { .. } => "range",
            Rule::NotFinite => "finite",
            Rule::Enum { .. } => "enum",
            Rule::UniqueItems => "uniqueItems",
            Rule::Format { .. } => "format",
            Rule::UnionMembers { .. } => "union",
            Rule::Required => "required",
            Rule::Custom { .. } => "custom",
        }
    }
}

/// Which bound of a `range` a value is past.
///
/// ```
/// # use constrained::Constrained;
/// # #[derive(Debug, Clone, Copy, Constrained)]
/// # #[constrained(range(min = 1, max = 100))]
/// # pub struct MaxResults(i32);
/// use constrained::{RangeSide, Rule};
///
/// let Rule::Range { violated, .. } = MaxResults::new(101).unwrap_err().rule().clone() else {
///     unreachable!("a range rule");
/// };
/// assert_eq!(violated, RangeSide::AboveMax);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeSide {
    /// The value is less than the minimum.
    BelowMin,
    /// The value is greater than the maximum.
    AboveMax,
}

/// Where inside a map or list the offending value sits, when the rule is an element rule.
///
/// ```
/// use constrained::{Constrained, ElementPosition};
///
/// #[derive(Debug, Constrained)]
/// #[constrained(item(length(max = 3)))]
/// pub struct Codes(Vec<String>);
///
/// let err = Codes::new(vec!["ok".into(), "toolong".into()]).unwrap_err();
/// assert_eq!(err.element(), Some(&ElementPosition::Item { index: 1 }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ElementPosition {
    /// A map key broke a `key(…)` rule.
    Key,
    /// A map value broke a `value(…)` rule; the key is kept unless the type is sensitive.
    Value {
        /// The entry's key, rendered with `Display`, unless sensitive.
        key: Option<String>,
    },
    /// A list item broke an `item(…)` rule.
    Item {
        /// The item's 0-based index.
        index: usize,
    },
}

/// One value that breaks one rule of a constrained type.
///
/// `Display` prints AWS's wording of the rule exactly
/// (`Member must have length between 1 and 128, inclusive`), which is also the
/// text of the serde error raised while deserializing.
///
/// ```
/// use constrained::Constrained;
///
/// #[derive(Debug, Constrained)]
/// #[constrained(length(min = 1, max = 128), pattern = r"[\.\-_A-Za-z0-9]+")]
/// pub struct RequestOrigin(String);
///
/// let err = RequestOrigin::new("no spaces".to_owned()).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r"Member must satisfy regular expression pattern: [\.\-_A-Za-z0-9]+"
/// );
/// assert_eq!(err.value(), Some("no spaces"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    rule: Rule,
    value: Option<Box<str>>,
    value_truncated: bool,
    element: Option<ElementPosition>,
}

impl Violation {
    /// A violation of `rule` by a value that is not echoed (sensitive, or not applicable).
    pub fn new(rule: Rule) -> Self {
        Violation {
            rule,
            value: None,
            value_truncated: false,
            element: None,
        }
    }

    /// Attaches the offending value for echoing, unless `sensitive`; long values are cut at
    /// [`MAX_ECHO_BYTES`].
    pub fn with_value(mut self, value: &str, sensitive: bool) -> Self {
        if sensitive {
            self.value = None;
            return self;
        }
        let mut end = value.len().min(MAX_ECHO_BYTES);
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        self.value = Some(value[..end].into());
        self.value_truncated = end < value.len();
        self
    }

    /// The violation without its value, and without a map key it names: found inside a
    /// sensitive value.
    pub(crate) fn without_value(mut self) -> Self {
        self.value = None;
        self.value_truncated = false;
        if let Some(ElementPosition::Value { key }) = &mut self.element {
            *key = None;
        }
        if let Rule::Custom { message, .. } = &mut self.rule {
            *message = None;
        }
        self
    }

    /// Records where inside a map or list the offending value sits.
    pub fn at_element(mut self, position: ElementPosition) -> Self {
        self.element = Some(position);
        self
    }

    /// The rule that was broken, with its bounds.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// The offending value as text, or `None` when the type is `sensitive`.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// Whether [`value`](Self::value) was cut at [`MAX_ECHO_BYTES`].
    pub fn value_truncated(&self) -> bool {
        self.value_truncated
    }

    /// Where inside a map or list the offending value sits, for element rules.
    pub fn element(&self) -> Option<&ElementPosition> {
        self.element.as_ref()
    }

    /// The measured length, for length violations (`Value with length {n}` in Smithy's format).
    pub fn measured_length(&self) -> Option<usize> {
        match self.rule {
            Rule::Length { actual, .. } => Some(actual),
            _ => None,
        }
    }

    /// The rule in the wording of classic AWS services, which name only the violated bound:
    /// `Member must have value greater than or equal to 1`,
    /// `Member must have length less than or equal to 128`.
    ///
    /// ```
    /// use constrained::Constrained;
    ///
    /// #[derive(Debug, Constrained)]
    /// #[constrained(range(min = 1, max = 100))]
    /// pub struct MaxResults(i32);
    ///
    /// let err = MaxResults::new(0).unwrap_err();
    /// assert_eq!(err.to_string(), "Member must be between 1 and 100, inclusive");
    /// assert_eq!(err.classic_message(), "Member must have value greater than or equal to 1");
    /// ```
    pub fn classic_message(&self) -> String {
        match &self.rule {
            Rule::Length { min, max, actual } => match (min, max) {
                (Some(min), _) if actual < min => {
                    format!("Member must have length greater than or equal to {min}")
                }
                (_, Some(max)) => format!("Member must have length less than or equal to {max}"),
                _ => self.to_string(),
            },
            Rule::Range { min, max, violated } => match (violated, min, max) {
                (RangeSide::BelowMin, Some(min), _) => {
                    format!("Member must have value greater than or equal to {min}")
                }
                (RangeSide::AboveMax, _, Some(max)) => {
                    format!("Member must have value less than or equal to {max}")
                }
                _ => self.to_string(),
            },
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.rule {
            Rule::Length { min, max, .. } => match (min, max) {
                (Some(min), Some(max)) => {
                    write!(
                        f,
                        "Member must have length between {min} and {max}, inclusive"
                    )
                }
                (Some(min), None) => {
                    write!(f, "Member must have length greater than or equal to {min}")
                }
                (None, Some(max)) => {
                    write!(f, "Member must have length less than or equal to {max}")
                }
                (None, None) => f.write_str("Member must have a valid length"),
            },
            Rule::Pattern { pattern } => {
                write!(
                    f,
                    "Member must satisfy regular expression pattern: {pattern}"
                )
            }
            Rule::Range { min, max, .. } => match (min, max) {
                (Some(min), Some(max)) => {
                    write!(f, "Member must be between {min} and {max}, inclusive")
                }
                (Some(min), None) => write!(f, "Member must be greater than or equal to {min}"),
                (None, Some(max)) => write!(f, "Member must be less than or equal to {max}"),
                (None, None) => f.write_str("Member must be a finite number"),
            },
            Rule::NotFinite => f.write_str("Member must be a finite number"),
            Rule::Enum { values } => {
                f.write_str("Member must satisfy enum value set: [")?;
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(value)?;
                }
                f.write_str("]")
            }
            Rule::UniqueItems => f.write_str("Member must have unique values"),
            Rule::Format { expected } => write!(f, "Member must be {expected}"),
            Rule::UnionMembers { members, .. } => {
                write!(
                    f,
                    "Member must set exactly one of: [{}]",
                    members.join(", ")
                )
            }
            Rule::Required => f.write_str("Member must not be null"),
            Rule::Custom {
                message: Some(message),
                ..
            } => f.write_str(message),
            Rule::Custom {
                check,
                message: None,
            } => write!(f, "Member must satisfy {check}"),
        }
    }
}

impl std::error::Error for Violation {}
