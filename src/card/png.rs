//! A card's SVG rasterized in-process with resvg: the system's fonts (memory-mapped, read
//! once per process) plus the bundled Latin font, so a card reads the same on a bare machine
//! and shows Hangul and emoji names where the system has fonts for them.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

/// The bundled Latin font (DejaVu Sans, cut down to Latin; its licence is beside it).
const LATIN: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Latin.ttf");
const LATIN_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold-Latin.ttf");

/// The fonts, loaded on the first card and kept: a scan of the system's fonts takes a while.
fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            db.load_font_data(LATIN.to_vec());
            db.load_font_data(LATIN_BOLD.to_vec());
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// `svg` as a PNG of `width` x `height` pixels.
pub(crate) fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("the card's SVG: {e}"))?;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| format!("a {width}x{height} image is too large to draw"))?;
    let size = tree.size();
    let scale = Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("encoding the PNG: {e}"))
}
