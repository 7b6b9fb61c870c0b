//! A fast path for reading the RON this program writes.
//!
//! The `ron` crate reads about 90 MB/s on the development machine, and a
//! dossier of 10,000 applications × 5 assessors is 349 MB of RON. This
//! deserializer reads the part of RON that `ron::ser` writes for our types
//! (plus the white space and trailing commas a person may add) several times
//! faster.
//!
//! It never decides that a file is wrong. On anything outside that part of
//! RON (comments, `#![enable(...)]`, raw strings, `\x` escapes, numbers
//! with a sign, a base or underscores, a struct name other than the
//! expected one...) and on any error, it gives up, and the caller parses
//! the text with `ron`, which also gives the message with line:column.
//! Tests and a fuzz target check the one promise this module makes:
//! whenever it returns a value, `ron` returns the same value.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

/// Read `text` as a `T`, or `None` when the text is outside the fast path
/// (then read it with `ron`).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut de = Deserializer::new(text, 0);
    let value = T::deserialize(&mut de).ok()?;
    de.ws();
    (de.at == text.len()).then_some(value)
}

/// Below this size one thread reads a file fast enough.
const PARALLEL_BYTES: usize = 8 << 20;

/// Read `text` as a `T` with one long list read on several threads, or
/// `None` (then use [`from_str`]).
///
/// The list is the value of the field written as `field` (for example
/// `"\n  assessments: ["`), and each of its elements starts with `element`
/// (for example `"\n    Assessment("`), as `ron::ser` writes them. Those
/// texts only suggest where to cut; nothing is believed until it is read:
/// - the part before each cut is read, element by element, from the true
///   start of the list, and must end exactly at the next cut, so every cut
///   is a true element boundary;
/// - the rest of the file is then read with the list left empty, and the
///   reader must meet a list at the very byte where the cut list began, and
///   `list` must find it empty there.
pub fn with_list_on_threads<T, E>(
    text: &str,
    field: &str,
    element: &str,
    list: impl FnOnce(&mut T) -> &mut Vec<E>,
) -> Option<T>
where
    T: DeserializeOwned,
    E: DeserializeOwned + Send,
{
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if text.len() < PARALLEL_BYTES || threads < 2 {
        return None;
    }
    let targets: Vec<usize> = (1..threads).map(|i| text.len() / threads * i).collect();
    with_list_cut_near(text, field, element, &targets, list)
}

/// [`with_list_on_threads`] with the list cut at the first `element` at or
/// after each of `targets` (byte offsets), one thread per part.
pub fn with_list_cut_near<T, E>(
    text: &str,
    field: &str,
    element: &str,
    targets: &[usize],
    list: impl FnOnce(&mut T) -> &mut Vec<E>,
) -> Option<T>
where
    T: DeserializeOwned,
    E: DeserializeOwned + Send,
{
    let finder = |from: usize, what: &str| {
        let from = from.min(text.len());
        memchr::memmem::find(&text.as_bytes()[from..], what.as_bytes()).map(|at| at + from)
    };
    let open = finder(0, field)? + field.len() - 1;
    if text.as_bytes().get(open) != Some(&b'[') {
        return None;
    }
    // Where each part starts: after the list's `[`, then at the first
    // element after each target (the element's text without its white space).
    let skip = element.len() - element.trim_start().len();
    let mut cuts = vec![open + 1];
    for target in targets {
        let last = cuts[cuts.len() - 1];
        if let Some(at) = finder((*target).max(last), element)
            && at + skip > last
        {
            cuts.push(at + skip);
        }
    }
    let ends: Vec<Option<usize>> = cuts[1..].iter().map(|c| Some(*c)).chain([None]).collect();
    let mut parts: Vec<Option<(Vec<E>, usize)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = cuts[1..]
            .iter()
            .zip(&ends[1..])
            .map(|(from, until)| scope.spawn(move || elements::<E>(text, *from, *until)))
            .collect();
        let first = elements::<E>(text, cuts[0], ends[0]);
        std::iter::once(first)
            .chain(handles.into_iter().map(|h| h.join().ok().flatten()))
            .collect()
    });
    let close = parts.last()?.as_ref()?.1;
    let mut all = Vec::new();
    for part in &mut parts {
        all.append(&mut part.take()?.0);
    }
    // The rest of the file, with the list empty.
    let rest = format!("{}{}", &text[..=open], &text[close..]);
    let mut de = Deserializer::new(&rest, 0);
    de.watch = Some(open);
    let mut value = T::deserialize(&mut de).ok()?;
    de.ws();
    if de.at != rest.len() || !de.seen {
        return None;
    }
    let slot = list(&mut value);
    if !slot.is_empty() {
        return None;
    }
    *slot = all;
    Some(value)
}

/// The elements of a list, from `from` (just after its `[`, or where an
/// element starts) up to the element that starts at `until`, or with
/// `until` None up to the `]` that closes the list. Also returns where it
/// stopped: `until`, or the offset of that `]`.
fn elements<E: DeserializeOwned>(
    text: &str,
    from: usize,
    until: Option<usize>,
) -> Option<(Vec<E>, usize)> {
    let mut de = Deserializer::new(text, from);
    let mut out = Vec::new();
    loop {
        let next = de.peek()?;
        match until {
            Some(u) if de.at == u => return Some((out, u)),
            Some(u) if de.at > u => return None,
            _ => {}
        }
        if next == b']' {
            return until.is_none().then_some((out, de.at));
        }
        out.push(E::deserialize(&mut de).ok()?);
        de.after_element(b']').ok()?;
    }
}

/// Why the fast path stopped; never shown to a user.
#[derive(Debug)]
pub struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the fast path")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

struct Deserializer<'de> {
    text: &'de str,
    at: usize,
    /// A byte offset where a `[` list is expected, and whether one began
    /// there (see [`with_list_on_threads`]).
    watch: Option<usize>,
    seen: bool,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'de> Deserializer<'de> {
    fn new(text: &'de str, at: usize) -> Self {
        Deserializer {
            text,
            at,
            watch: None,
            seen: false,
        }
    }

    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// Skip ASCII white space and `//` comments that end with a line
    /// break; anything else (a block comment, other Unicode white space) is
    /// left for the next token to give up on.
    fn ws(&mut self) {
        let b = self.bytes();
        loop {
            while self.at < b.len() && matches!(b[self.at], b' ' | b'\n' | b'\r' | b'\t') {
                self.at += 1;
            }
            if !b[self.at..].starts_with(b"//") {
                return;
            }
            match memchr::memchr(b'\n', &b[self.at..]) {
                Some(end) => self.at += end,
                None => return,
            }
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes().get(self.at).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Result<()> {
        if self.eat(c) { Ok(()) } else { Err(GiveUp) }
    }

    /// A plain ASCII identifier. One followed by a non-ASCII byte might go
    /// on as a Unicode identifier in `ron`: give up.
    fn ident(&mut self) -> Result<&'de str> {
        self.ws();
        let b = self.bytes();
        let start = self.at;
        if !b.get(start).is_some_and(|c| is_ident_start(*c)) {
            return Err(GiveUp);
        }
        let mut end = start + 1;
        while end < b.len() && is_ident_byte(b[end]) {
            end += 1;
        }
        if b.get(end).is_some_and(|c| !c.is_ascii()) {
            return Err(GiveUp);
        }
        self.at = end;
        Ok(&self.text[start..end])
    }

    /// The identifier ahead, without taking it.
    fn peek_ident(&mut self) -> Option<&'de str> {
        let at = self.at;
        let ident = self.ident().ok();
        self.at = at;
        ident
    }

    /// After an element: a comma, or the closing bracket next.
    fn after_element(&mut self, close: u8) -> Result<()> {
        if self.eat(b',') || self.peek() == Some(close) {
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    fn unsigned(&mut self) -> Result<u64> {
        self.ws();
        let b = self.bytes();
        let start = self.at;
        let mut end = start;
        let mut n: u64 = 0;
        while end < b.len() && b[end].is_ascii_digit() {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(b[end] - b'0')))
                .ok_or(GiveUp)?;
            end += 1;
        }
        let leading_zero = b[start..end].len() > 1 && b[start] == b'0';
        let more = b
            .get(end)
            .is_some_and(|c| is_ident_byte(*c) || *c == b'.' || !c.is_ascii());
        if end == start || leading_zero || more {
            return Err(GiveUp);
        }
        self.at = end;
        Ok(n)
    }

    fn signed(&mut self) -> Result<i64> {
        if self.eat(b'-') {
            // ron reads the digits right after the sign.
            if !self.bytes().get(self.at).is_some_and(u8::is_ascii_digit) {
                return Err(GiveUp);
            }
            let n = self.unsigned()?;
            0i64.checked_sub_unsigned(n).ok_or(GiveUp)
        } else {
            i64::try_from(self.unsigned()?).map_err(|_| GiveUp)
        }
    }

    /// A `"..."` string: borrowed when it holds no escape.
    fn string(&mut self) -> Result<Text<'de>> {
        self.expect(b'"')?;
        let b = self.bytes();
        let start = self.at;
        let first = memchr::memchr2(b'"', b'\\', &b[start..]).ok_or(GiveUp)? + start;
        if b[first] == b'"' {
            self.at = first + 1;
            return Ok(Text::Borrowed(&self.text[start..first]));
        }
        let mut owned = String::with_capacity(first - start + 16);
        owned.push_str(&self.text[start..first]);
        let mut at = first;
        loop {
            // b[at] is a backslash.
            let escape = *b.get(at + 1).ok_or(GiveUp)?;
            at += 2;
            match escape {
                b'"' => owned.push('"'),
                b'\'' => owned.push('\''),
                b'\\' => owned.push('\\'),
                b'n' => owned.push('\n'),
                b'r' => owned.push('\r'),
                b't' => owned.push('\t'),
                b'0' => owned.push('\0'),
                b'u' => {
                    if b.get(at) != Some(&b'{') {
                        return Err(GiveUp);
                    }
                    let digits = b[at + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_hexdigit())
                        .count();
                    if !(1..=6).contains(&digits) || b.get(at + 1 + digits) != Some(&b'}') {
                        return Err(GiveUp);
                    }
                    let hex = &self.text[at + 1..at + 1 + digits];
                    let code = u32::from_str_radix(hex, 16).map_err(|_| GiveUp)?;
                    owned.push(char::from_u32(code).ok_or(GiveUp)?);
                    at += digits + 2;
                }
                _ => return Err(GiveUp),
            }
            let next = memchr::memchr2(b'"', b'\\', &b[at..]).ok_or(GiveUp)? + at;
            owned.push_str(&self.text[at..next]);
            at = next;
            if b[at] == b'"' {
                self.at = at + 1;
                return Ok(Text::Owned(owned));
            }
        }
    }

    /// `(` elements `)` or `[` elements `]`, with an optional trailing comma.
    fn sequence<V: Visitor<'de>>(&mut self, open: u8, close: u8, visitor: V) -> Result<V::Value> {
        self.expect(open)?;
        let value = visitor.visit_seq(Elements { de: self, close })?;
        self.expect(close)?;
        Ok(value)
    }

    /// `(name: value, ...)`: the body of a struct or a struct variant.
    fn fields<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        let value = visitor.visit_map(Entries {
            de: self,
            close: b')',
        })?;
        self.expect(b')')?;
        Ok(value)
    }

    /// An optional name before a struct or tuple struct: when there is
    /// one, it must be the expected one.
    fn struct_name(&mut self, name: &str) -> Result<()> {
        match self.peek_ident() {
            Some(found) if found == name => {
                self.ident()?;
                Ok(())
            }
            Some(_) => Err(GiveUp),
            None => Ok(()),
        }
    }
}

enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Text<'de> {
    fn visit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }
}

struct Elements<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    close: u8,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.de.peek() == Some(self.close) {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.de)?;
        self.de.after_element(self.close)?;
        Ok(Some(value))
    }
}

/// The entries of a map (`{key: value}`) or the fields of a struct.
struct Entries<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    close: u8,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.de.peek() == Some(self.close) {
            return Ok(None);
        }
        let key = seed.deserialize(&mut *self.de)?;
        self.de.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.de)?;
        self.de.after_element(self.close)?;
        Ok(value)
    }
}

struct Enum<'a, 'de> {
    de: &'a mut Deserializer<'de>,
}

impl<'a, 'de> de::EnumAccess<'de> for Enum<'a, 'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.de.ident()?;
        let variant = seed.deserialize(name.into_deserializer())?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.de.expect(b'(')?;
        let value = seed.deserialize(&mut *self.de)?;
        self.de.eat(b',');
        self.de.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.de.sequence(b'(', b')', visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.de.fields(visitor)
    }
}

macro_rules! unsigned {
    ($($method:ident $visit:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let n = <$t>::try_from(self.unsigned()?).map_err(|_| GiveUp)?;
            visitor.$visit(n)
        }
    )*};
}

macro_rules! signed {
    ($($method:ident $visit:ident $t:ty),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let n = <$t>::try_from(self.signed()?).map_err(|_| GiveUp)?;
            visitor.$visit(n)
        }
    )*};
}

macro_rules! give_up {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
            Err(GiveUp)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = GiveUp;

    unsigned!(deserialize_u8 visit_u8 u8, deserialize_u16 visit_u16 u16,
        deserialize_u32 visit_u32 u32, deserialize_u64 visit_u64 u64);
    signed!(deserialize_i8 visit_i8 i8, deserialize_i16 visit_i16 i16,
        deserialize_i32 visit_i32 i32, deserialize_i64 visit_i64 i64);
    give_up!(
        deserialize_any,
        deserialize_ignored_any,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf
    );

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.string()?.visit(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                let value = visitor.visit_some(&mut *self)?;
                self.eat(b',');
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.ws();
        if self.watch == Some(self.at) {
            self.seen = true;
        }
        self.sequence(b'[', b']', visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.sequence(b'(', b')', visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.struct_name(name)?;
        self.sequence(b'(', b')', visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        let value = visitor.visit_map(Entries {
            de: self,
            close: b'}',
        })?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.struct_name(name)?;
        self.fields(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Enum { de: self })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Kind {
        Plain,
        Count(u32),
        Pair(u8, i32),
        Named { a: u8 },
        Map(BTreeMap<String, u32>),
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Thing {
        name: String,
        #[serde(default)]
        note: Option<String>,
        kinds: Vec<Kind>,
        flag: bool,
        small: i8,
        pair: (u16, String),
    }

    /// The promise: a value from the fast path is the value `ron` reads.
    fn agrees(text: &str) -> Option<Thing> {
        let fast = from_str::<Thing>(text);
        if let Some(v) = &fast {
            assert_eq!(
                Some(v),
                ron::from_str::<Thing>(text).ok().as_ref(),
                "{text}"
            );
        }
        fast
    }

    fn sample() -> Thing {
        Thing {
            name: "Regio \"Noord\" \\ 'ja'\n\ttab \u{200b} é ✓".into(),
            note: Some(String::new()),
            kinds: vec![
                Kind::Plain,
                Kind::Count(u32::MAX),
                Kind::Pair(0, -5),
                Kind::Named { a: 7 },
                Kind::Map([("KO1".to_string(), 3)].into()),
            ],
            flag: true,
            small: i8::MIN,
            pair: (65535, "\0".into()),
        }
    }

    #[test]
    fn reads_what_ron_writes_compact_and_pretty() {
        let thing = sample();
        let compact = ron::to_string(&thing).unwrap();
        assert_eq!(agrees(&compact), Some(sample()));
        let pretty =
            ron::ser::to_string_pretty(&thing, ron::ser::PrettyConfig::new().struct_names(true))
                .unwrap();
        assert_eq!(agrees(&pretty), Some(sample()));
    }

    #[test]
    fn gives_up_outside_its_subset() {
        let base = ron::to_string(&sample()).unwrap();
        let cases = [
            format!("/* a block comment */\n{base}"),
            format!("{base}\n// a comment without a line break at the end"),
            format!("#![enable(implicit_some)]\n{base}"),
            base.replacen("flag:true", "flag:tru", 1),
            base.replacen("65535", "0xffff", 1),
            base.replacen("65535", "65_535", 1),
            base.replacen("65535", "065535", 1),
            base.replacen("65535", "65536", 1),
            base.replacen("small:-128", "small:+1", 1),
            base.replacen("(name:", "Other(name:", 1),
            base.replacen("(name:", "(unknown:1,name:", 1),
            base.replacen("\"\\0\"", "r\"raw\"", 1),
            base.replacen("\"\\0\"", "\"\\x41\"", 1),
            base.replacen("\"\\0\"", "\"\\u{d800}\"", 1),
            base.replacen("\"\\0\"", "\"\\u{}\"", 1),
            format!("{base} trailing"),
            base[..base.len() - 1].to_string(),
        ];
        for text in cases {
            assert_ne!(text, base, "the case changes the text");
            assert_eq!(agrees(&text), None, "{text}");
        }
    }

    #[test]
    fn white_space_and_trailing_commas_like_ron() {
        let text = "// a comment\nThing ( // and another\n name : \"x\" ,\r\n kinds : [ Plain , Count ( 3 , ) , ] ,\
                    flag:false, small: 0, pair: (1, \"y\",), note: Some ( \"z\" , ) , )";
        let thing = agrees(text).expect("inside the fast path");
        assert_eq!(thing.kinds, vec![Kind::Plain, Kind::Count(3)]);
        assert_eq!(thing.note.as_deref(), Some("z"));
    }
}
