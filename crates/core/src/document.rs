//! Documents of an application kept in the dossier: the plan van aanpak,
//! the begroting, an addendum, the gespreksverslag. The dossier keeps each
//! one's name, kind, SHA-256 and text per page, so a package carries what an
//! assessor needs offline.

use sha2::{Digest, Sha256};

/// SHA-256 of a file's bytes, as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
