//! CSV files as Dutch Excel and LibreOffice Calc save them, byte for byte:
//! `;` as the separator, Windows-1252, a byte-order mark and CR LF, a
//! decimal comma; and files that are neither, refused with a Dutch message
//! that says how to save them, importing nothing.

use leidraad_core::dossier::{ApplicationId, Dossier, Round, Value};
use leidraad_core::interchange::csv::{self, ImportError, ImportSummary};
use leidraad_core::interchange::encoding::SAVE_AS_CSV;
use leidraad_core::rubric::Rubric;

use crate::common;

/// Decode and import `bytes` into a new dossier, as `import-csv` does.
fn import(bytes: &[u8]) -> Result<(Dossier, ImportSummary), ImportError> {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("test", &rubric);
    let text = csv::decode(bytes, "scores.csv")?;
    let summary = csv::import(&rubric, &mut d, &text, "scores.csv", common::when())?;
    Ok((d, summary))
}

/// `import`, for a file that is refused: the message; the dossier it
/// would have gone into stays empty.
fn refused(bytes: &[u8]) -> String {
    let rubric = Rubric::builtin();
    let mut d = Dossier::new("test", &rubric);
    let before = d.clone();
    let e = match csv::decode(bytes, "scores.csv") {
        Ok(text) => {
            csv::import(&rubric, &mut d, &text, "scores.csv", common::when()).expect_err("refused")
        }
        Err(e) => e,
    };
    assert_eq!(d, before, "nothing imported");
    e.to_string()
}

fn motivation(d: &Dossier, criterion: &str) -> String {
    let a = d
        .assessment(&ApplicationId::from("A01"), "Anna", Round::One)
        .expect("Anna's assessment");
    a.criteria[&criterion.into()].motivation.clone()
}

fn value(d: &Dossier, criterion: &str) -> Option<Value> {
    let a = d
        .assessment(&ApplicationId::from("A01"), "Anna", Round::One)
        .expect("Anna's assessment");
    a.criteria[&criterion.into()].value.clone()
}

#[test]
fn dutch_excel_csv_with_semicolons_in_windows_1252_imports_with_its_letters() {
    // What Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)":
    // `;`, Windows-1252 ("ë" is the byte 0xEB), CR LF; a field with a `;`
    // quoted.
    let bytes = b"application;region;assessor;round;criterion;value;motivation\r\n\
A01;Regio Zuidmeer;Anna;1;KO1;voldaan;Aannemelijk\r\n\
A01;Regio Zuidmeer;Anna;1;C2;7;\"Financi\xEBn; wonen en zorg\"\r\n\
A01;Regio Zuidmeer;Anna;1;C4.financien;2;Financi\xEBn op orde\r\n";
    let (d, summary) = import(bytes).unwrap();
    assert_eq!(summary.rows, 3);
    assert_eq!(motivation(&d, "C2"), "Financiën; wonen en zorg");
    assert_eq!(motivation(&d, "C4"), "Financiën op orde");
    assert_eq!(value(&d, "C2"), Some(Value::Points(7)));
}

#[test]
fn calc_csv_with_semicolons_and_decimal_commas_imports_the_whole_numbers() {
    // A sheet whose number cells show two decimals, saved with `;`: Calc
    // and Excel write the numbers as shown ("7,00"), in UTF-8, LF.
    let bytes = "application;region;assessor;round;criterion;value;motivation\n\
A01;Regio Zuidmeer;Anna;1,00;C2;7,00;Financiën\n\
A01;Regio Zuidmeer;Anna;1;C3;6.0;\n\
A01;Regio Zuidmeer;Anna;1;C4.wonen;2,0;\n\
;;;;;;\n\
A01;Regio Zuidmeer;Anna;1;C5;nb;\n";
    let (d, summary) = import(bytes.as_bytes()).unwrap();
    assert_eq!(summary.rows, 4, "the row of empty cells is passed over");
    assert_eq!(value(&d, "C2"), Some(Value::Points(7)));
    assert_eq!(value(&d, "C3"), Some(Value::Points(6)));
    assert_eq!(value(&d, "C5"), Some(Value::NotAddressed));
    assert_eq!(motivation(&d, "C2"), "Financiën");
    // A fraction is not a whole number: refused with its line.
    let bad = "application;region;assessor;round;criterion;value;motivation\n\
A01;Regio Zuidmeer;Anna;1;C2;7,00;\n\
A01;Regio Zuidmeer;Anna;1;C3;6,5;\n";
    let e = refused(bad.as_bytes());
    assert!(
        e.starts_with("scores.csv:3: C3: \"6,5\" is not a whole number"),
        "{e}"
    );
}

#[test]
fn utf8_with_a_byte_order_mark_and_crlf_imports_and_names_lines_as_an_editor_does() {
    let good = "\u{feff}application,region,assessor,round,criterion,value,motivation\r\n\
A01,Regio Zuidmeer,Anna,1,C2,7,\"Financiën, wonen\"\r\n";
    let (d, _) = import(good.as_bytes()).unwrap();
    assert_eq!(motivation(&d, "C2"), "Financiën, wonen");
    let bad = "\u{feff}application,region,assessor,round,criterion,value,motivation\r\n\
A01,Regio Zuidmeer,Anna,1,C2,7,\"twee\r\nregels\"\r\n\
A01,Regio Zuidmeer,Anna,1,C3,99,\r\n";
    assert!(
        refused(bad.as_bytes()).starts_with("scores.csv:4: C3: 99 is outside the scale"),
        "{}",
        refused(bad.as_bytes())
    );
}

#[test]
fn a_file_that_is_neither_utf8_nor_windows_1252_is_refused_with_how_to_save_it() {
    let header = "application,region,assessor,round,criterion,value,motivation\r\n\
A01,Regio Zuidmeer,Anna,1,C2,7,Financiën\r\n";
    // Excel's "Unicode-tekst": UTF-16 LE with its byte-order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(header.encode_utf16().flat_map(u16::to_le_bytes));
    let e = refused(&utf16);
    assert!(
        e.starts_with("scores.csv:1: dit bestand is opgeslagen als Unicode-tekst (UTF-16)"),
        "{e}"
    );
    assert!(e.ends_with(SAVE_AS_CSV), "{e}");
    assert!(e.contains("CSV UTF-8 (door komma's gescheiden)"));
    // The same without the mark: NUL bytes.
    let e = refused(&utf16[2..]);
    assert!(
        e.starts_with("scores.csv:1: dit bestand bevat nul-bytes"),
        "{e}"
    );
    // A workbook given instead of its CSV.
    let e = refused(b"PK\x03\x04\x14\x00\x00\x00");
    assert!(e.contains("dit is een werkmap"), "{e}");
    // UTF-8 and Windows-1252 in one file: the line of the first byte that
    // is not UTF-8.
    let mut mixed = header.as_bytes().to_vec();
    mixed.extend(b"A01,Regio Zuidmeer,Anna,1,C3,6,Financi\xEBn\r\n");
    let e = refused(&mixed);
    assert!(
        e.starts_with("scores.csv:3: dit bestand is deels UTF-8"),
        "{e}"
    );
    // With a UTF-8 byte-order mark, a Windows-1252 byte is mixed too.
    let e = refused(b"\xEF\xBB\xBFapplication,region\r\nA01,Financi\xEBn\r\n");
    assert!(
        e.starts_with("scores.csv:2: dit bestand is deels UTF-8"),
        "{e}"
    );
    // Not UTF-8, and as Windows-1252 a control character: not text.
    let e = refused(b"application,region\r\nA01,\x81\x8D\r\n");
    assert!(
        e.starts_with("scores.csv:2: dit bestand is geen UTF-8, en als Windows-1252 gelezen bevat het het stuurteken U+0081"),
        "{e}"
    );
}

#[test]
fn a_header_in_one_column_says_in_dutch_that_the_separator_is_not_known() {
    let tabs = "application\tregion\tassessor\tround\tcriterion\tvalue\tmotivation\n\
A01\tRegio Zuidmeer\tAnna\t1\tC2\t7\t\n";
    let e = refused(tabs.as_bytes());
    assert!(
        e.starts_with("scores.csv:1: de kopregel is één kolom: de velden zijn niet gescheiden door komma's of puntkomma's"),
        "{e}"
    );
    assert!(e.ends_with(SAVE_AS_CSV), "{e}");
    // Seven columns with other names: the header rule, as before, also
    // when the separator is `;`.
    let e = refused(b"aanvraag;regio;beoordelaar;ronde;criterium;waarde;motivering\n");
    assert!(
        e.starts_with("scores.csv:1: the header must be exactly `application,region,assessor,round,criterion,value,motivation`; found `aanvraag,regio,"),
        "{e}"
    );
}

#[test]
fn the_canonical_format_reads_as_before_and_a_comma_file_keeps_its_semicolons() {
    // A `;` inside a field of a comma file is text, not a separator.
    let bytes = "application,region,assessor,round,criterion,value,motivation\n\
A01,Regio Zuidmeer,Anna,1,C2,7,een; twee; drie\n";
    let (d, _) = import(bytes.as_bytes()).unwrap();
    assert_eq!(motivation(&d, "C2"), "een; twee; drie");
}
