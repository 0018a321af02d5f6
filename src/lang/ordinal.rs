//! Which anniversary, per language: "5th", "5주년", "5周年", "5.º", "5º", "ke-5". Written
//! where it goes (no allocation), since the terminal title counts down to one each second.

use super::Lang;
use crate::values::countdown::Ordinal;

/// The `n`th (anniversary) in a language, as [`Lang::nth`] writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nth {
    n: u32,
    lang: Lang,
}

impl std::fmt::Display for Nth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.n;
        // Korean and Japanese fans count anniversaries with their own word, not an ordinal.
        match self.lang {
            Lang::En => write!(f, "{}", Ordinal(n)),
            Lang::Ko => write!(f, "{n}주년"),
            Lang::Ja => write!(f, "{n}周年"),
            Lang::Es => write!(f, "{n}.º"),
            Lang::PtBr => write!(f, "{n}º"),
            Lang::Id => write!(f, "ke-{n}"),
        }
    }
}

impl Lang {
    /// The `n`th anniversary's number as this language writes it: "5th", "5주년", "ke-5".
    pub fn nth(self, n: u32) -> Nth {
        Nth { n, lang: self }
    }

    /// The words around [`Lang::nth`] and a countdown in the terminal title: "5th
    /// anniversary in 4mo 2d", "5주년까지 4개월 2일"; static, as the title is redrawn each second.
    pub fn anniversary_in(self) -> (&'static str, &'static str) {
        match self {
            Lang::En => ("", " anniversary in "),
            Lang::Ko => ("", "까지 "),
            Lang::Ja => ("", "まで"),
            Lang::Es => ("", " aniversario en "),
            Lang::PtBr => ("", " aniversário em "),
            Lang::Id => ("ultah ", " dalam "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anniversaries_are_counted_as_each_language_does() {
        let got = Lang::ALL.map(|l| l.nth(5).to_string());
        assert_eq!(got, ["5th", "5주년", "5周年", "5.º", "5º", "ke-5"]);
        assert_eq!(Lang::En.nth(22).to_string(), "22nd");
    }
}
