//! Only for a Windows target: the application icon and the version
//! information in the .exe (Explorer, the taskbar, the file association
//! show them). Cross-built on Linux this runs mingw's windres
//! (`x86_64-w64-mingw32-windres`, package binutils-mingw-w64-x86-64).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/leidraad.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icon/leidraad.ico")
        .set("FileDescription", "leidraad")
        .set("ProductName", "leidraad")
        .set("CompanyName", "VNG")
        .set("LegalCopyright", "EUPL-1.2");
    if let Err(e) = resource.compile() {
        // Without the resource the .exe works but shows no icon: fail, so
        // that a release never ships without one.
        panic!("the Windows resource (icon) could not be compiled: {e}");
    }
}
