//! The text of a CSV file as spreadsheets save it: UTF-8 with or without
//! a byte-order mark (Excel's "CSV UTF-8", LibreOffice Calc), or
//! Windows-1252 (what Dutch Excel writes for plain "CSV"). Anything else
//! is refused with a message, in Dutch, that says how to save the file.

use encoding_rs::WINDOWS_1252;

use super::csv::ImportError;

/// How to save a sheet as a CSV file that leidraad reads, in Excel and in
/// LibreOffice Calc.
pub const SAVE_AS_CSV: &str = "Sla het bestand opnieuw op: in Excel met Opslaan als › \
     \"CSV UTF-8 (door komma's gescheiden) (*.csv)\"; in LibreOffice Calc met Opslaan als › \
     \"Tekst CSV (.csv)\", tekenset \"Unicode (UTF-8)\", veldscheidingsteken komma of puntkomma.";

/// The line (from 1) of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

/// Whether `bytes` hold a complete UTF-8 sequence of two or more bytes:
/// then a file that is not valid UTF-8 is UTF-8 in part, and reading it
/// as Windows-1252 would turn "ë" into "Ã«".
fn holds_utf8_sequence(bytes: &[u8]) -> bool {
    let continuation = |b: &u8| (0x80..=0xBF).contains(b);
    bytes.iter().enumerate().any(|(i, &b)| {
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return false,
        };
        bytes
            .get(i + 1..i + len)
            .is_some_and(|rest| rest.iter().all(continuation))
    })
}

/// The text of a CSV file: UTF-8 (a byte-order mark is taken off), or
/// else Windows-1252. Refused, naming the line where it applies: UTF-16
/// ("Unicode-tekst"), a workbook (.xlsx, .ods, .xls) instead of a CSV
/// file, bytes that are no text (NUL, control characters), and a file
/// that is UTF-8 in part and something else in part.
pub fn decode(bytes: &[u8], file: &str) -> Result<String, ImportError> {
    let refuse = |line: u64, what: String| ImportError {
        file: file.to_string(),
        line,
        message: format!("{what} {SAVE_AS_CSV}"),
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(refuse(
            1,
            "dit bestand is opgeslagen als Unicode-tekst (UTF-16); leidraad leest CSV in UTF-8 of Windows-1252.".into(),
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(refuse(
            1,
            "dit is een werkmap (Excel of LibreOffice Calc), geen CSV-bestand.".into(),
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(refuse(
            line_of(bytes, at),
            "dit bestand bevat nul-bytes: het is geen tekstbestand, of het is UTF-16 zonder byte-order-mark.".into(),
        ));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bom = body.len() < bytes.len();
    let invalid_at = match std::str::from_utf8(body) {
        Ok(text) => return Ok(text.to_string()),
        Err(e) => e.valid_up_to() + (bytes.len() - body.len()),
    };
    if bom || holds_utf8_sequence(body) {
        return Err(refuse(
            line_of(bytes, invalid_at),
            "dit bestand is deels UTF-8 en deels in een andere tekenset, zodat letters als ë niet zeker te lezen zijn.".into(),
        ));
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(body);
    if let Some((at, c)) = text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
    {
        return Err(refuse(
            line_of(text.as_bytes(), at),
            format!(
                "dit bestand is geen UTF-8, en als Windows-1252 gelezen bevat het het stuurteken U+{:04X}: het is geen tekst in een tekenset die leidraad kent.",
                c as u32
            ),
        ));
    }
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_sequences_are_found_and_windows_1252_letters_are_not_taken_for_them() {
        assert!(holds_utf8_sequence("Financiën".as_bytes()));
        assert!(holds_utf8_sequence("€".as_bytes()));
        // "Financiën" and "één" in Windows-1252.
        assert!(!holds_utf8_sequence(b"Financi\xEBn, \xE9\xE9n"));
        // A lead byte at the very end.
        assert!(!holds_utf8_sequence(b"abc\xC3"));
    }
}
