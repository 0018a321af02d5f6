//! What every panel of one frame reads, gathered once by `draw`: the panels take this one
//! reference instead of the same handful of parameters each.

use super::theme::Theme;
use crate::app::App;
use crate::lang::Lang;
use crate::view::View;

/// One frame's context: the state, the view derived from it for this frame, and the palette.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    /// The state.
    pub(crate) app: &'a App,
    /// What this frame shows, derived once from the state.
    pub(crate) view: &'a View,
    /// The palette, colours on or off as the state says.
    pub(crate) theme: Theme,
    /// The language every text of the frame is in (the state's).
    pub(crate) lang: Lang,
}

impl<'a> Ctx<'a> {
    /// The context for drawing `view` of `app`.
    pub fn new(app: &'a App, view: &'a View) -> Ctx<'a> {
        Ctx {
            app,
            view,
            theme: Theme::new(app.color),
            lang: app.lang,
        }
    }
}
