//! Stage 1: raw bytes to text. UTF-8 (with or without BOM), UTF-16 with BOM,
//! else Windows-1252 with a warning. Binary files are refused.

use crate::record::Log;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The file looks binary (NUL bytes or mostly control characters).
    Binary { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => write!(
                f,
                "looks like a binary file (NUL or control byte at offset {offset}); only text pages can be cleaned, so it was skipped"
            ),
        }
    }
}

/// Decode raw bytes. Warnings (legacy encoding) go to `log`.
pub fn decode(bytes: &[u8], log: &mut Log) -> Result<String, DecodeError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if enc != encoding_rs::UTF_8 {
            log.warn(0, format!("decoded as {} (byte-order mark)", enc.name()));
        }
        if had_errors {
            log.warn(
                0,
                format!("invalid {} sequences were replaced with U+FFFD", enc.name()),
            );
        }
        return Ok(text.into_owned());
    }
    if let Some(offset) = binary_offset(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            log.warn(
                line,
                "not valid UTF-8; decoded as Windows-1252. Save the file as UTF-8 to silence this warning",
            );
            Ok(text.into_owned())
        }
    }
}

/// Offset of the first byte that marks the data as binary, if any.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Some(i);
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if !sample.is_empty() && control * 10 > sample.len() {
        return sample
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let mut log = Log::new("a.txt");
        assert_eq!(
            decode("ostéosarcome".as_bytes(), &mut log).unwrap(),
            "ostéosarcome"
        );
        assert!(log.warnings.is_empty());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning_naming_the_line() {
        let mut log = Log::new("a.txt");
        let text = decode(b"ok\nEwing\x92s sarcoma", &mut log).unwrap();
        assert_eq!(text, "ok\nEwing\u{2019}s sarcoma");
        assert_eq!(log.warnings.len(), 1);
        assert_eq!(log.warnings[0].line, 2);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "bone".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let mut log = Log::new("a.txt");
        assert_eq!(decode(&bytes, &mut log).unwrap(), "bone");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let mut log = Log::new("a.txt");
        assert_eq!(decode(b"\xEF\xBB\xBFbone", &mut log).unwrap(), "bone");
    }

    #[test]
    fn binary_is_refused() {
        let mut log = Log::new("a.bin");
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0", &mut log),
            Err(DecodeError::Binary { offset: 8 })
        );
    }
}
