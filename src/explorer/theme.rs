//! Named styles. The default palettes use the terminal's named ANSI colours, so they follow the user's
//! palette; the config file may override any item. With colour off (`NO_COLOR`, `--no-color`) every
//! style keeps its bold, reverse or underline and loses its colour, and symbols carry the meaning colour
//! would.

use ratatui::style::{Color, Modifier, Style};

use crate::engine::data::Verdict;

/// Each option's fill in gauges and rating bars, so options differ without colour too.
const OPTION_GLYPHS: [char; 8] = ['█', '▒', '▓', '░', '■', '▪', '●', '◆'];

/// The light theme's green: 256-colour index 28, #008700 in the xterm cube that terminals share.
const LIGHT_GREEN: Color = Color::Indexed(28);

/// The colour of each themed item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Each option's colour, in dataset order (wrapping around for larger datasets).
    pub options: [Color; 8],
    pub heading: Color,
    pub highlight: Color,
    pub key: Color,
    pub slider: Color,
    pub close_call: Color,
    pub accurate: Color,
    pub partly_true: Color,
    pub outdated: Color,
    pub wrong: Color,
    pub opinion: Color,
}

impl Palette {
    /// For dark backgrounds: the bright blue and red, since xterm's default blue (#0000ee) and red
    /// (#cd0000) are hard to read on black.
    pub(crate) const DARK: Self = Self {
        options: [
            Color::Green,
            Color::LightBlue,
            Color::Magenta,
            Color::LightRed,
            Color::Cyan,
            Color::Yellow,
            Color::LightGreen,
            Color::LightMagenta,
        ],
        heading: Color::Yellow,
        highlight: Color::Yellow,
        key: Color::Cyan,
        slider: Color::Cyan,
        close_call: Color::Yellow,
        accurate: Color::Green,
        partly_true: Color::Yellow,
        outdated: Color::Magenta,
        wrong: Color::Red,
        opinion: Color::Cyan,
    };

    /// For light backgrounds: no yellow or cyan text, which wash out on white; headings, keys and sliders
    /// in black and magenta, apart from the first two options' green and blue. The green is the 256-colour
    /// cube's #008700, not the terminal's named green (xterm's #00cd00 is 2.2:1 on white): 4.7:1, readable.
    pub(crate) const LIGHT: Self = Self {
        options: [
            LIGHT_GREEN,
            Color::Blue,
            Color::Magenta,
            Color::Red,
            Color::DarkGray,
            Color::Black,
            Color::LightRed,
            Color::LightMagenta,
        ],
        heading: Color::Black,
        highlight: Color::Magenta,
        key: Color::Magenta,
        slider: Color::Black,
        close_call: Color::Magenta,
        accurate: LIGHT_GREEN,
        partly_true: Color::Magenta,
        outdated: Color::Blue,
        wrong: Color::Red,
        opinion: Color::DarkGray,
    };

    /// The names of the themed items, as the config file's `[colors]` table spells them.
    pub(crate) const ITEMS: [&'static str; 18] = [
        "option-1",
        "option-2",
        "option-3",
        "option-4",
        "option-5",
        "option-6",
        "option-7",
        "option-8",
        "heading",
        "highlight",
        "key",
        "slider",
        "close-call",
        "accurate",
        "partly-true",
        "outdated",
        "wrong",
        "opinion",
    ];

    #[must_use]
    pub(crate) fn named(name: &str) -> Option<Self> {
        match name {
            "dark" => Some(Self::DARK),
            "light" => Some(Self::LIGHT),
            _ => None,
        }
    }

    /// The colour of the item the config file calls `item`.
    pub(crate) fn slot(&mut self, item: &str) -> Option<&mut Color> {
        let index = Self::ITEMS.iter().position(|&i| i == item)?;
        Some(match index {
            0..=7 => &mut self.options[index],
            8 => &mut self.heading,
            9 => &mut self.highlight,
            10 => &mut self.key,
            11 => &mut self.slider,
            12 => &mut self.close_call,
            13 => &mut self.accurate,
            14 => &mut self.partly_true,
            15 => &mut self.outdated,
            16 => &mut self.wrong,
            _ => &mut self.opinion,
        })
    }

    /// Every item with its colour, in [`Self::ITEMS`] order.
    #[must_use]
    pub(crate) fn entries(mut self) -> Vec<(&'static str, Color)> {
        Self::ITEMS.iter().map(|&item| (item, self.slot(item).map_or(Color::Reset, |c| *c))).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// The default dark palette, with or without colour.
    #[must_use]
    pub fn new(color: bool) -> Self {
        Self { color, palette: Palette::DARK }
    }

    fn fg(self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    /// An option's text: its colour, bold.
    #[must_use]
    pub fn option(self, option: usize) -> Style {
        self.fg(self.palette.options[option % self.palette.options.len()]).add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub(crate) fn option_glyph(option: usize) -> char {
        OPTION_GLYPHS[option % OPTION_GLYPHS.len()]
    }

    #[must_use]
    pub fn title_bar(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    #[must_use]
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    #[must_use]
    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    #[must_use]
    pub fn bold(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn heading(self) -> Style {
        self.fg(self.palette.heading).add_modifier(Modifier::BOLD)
    }

    /// Matched characters of a search.
    #[must_use]
    pub fn highlight(self) -> Style {
        self.fg(self.palette.highlight).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    #[must_use]
    pub fn slider(self) -> Style {
        self.fg(self.palette.slider)
    }

    /// The footer's key names.
    #[must_use]
    pub fn key(self) -> Style {
        self.fg(self.palette.key).add_modifier(Modifier::BOLD)
    }

    #[must_use]
    pub fn close_call(self) -> Style {
        self.fg(self.palette.close_call).add_modifier(Modifier::BOLD)
    }

    /// A status message; errors are also marked in words, not by colour alone.
    #[must_use]
    pub fn status(self, error: bool) -> Style {
        if error { self.fg(self.palette.wrong).add_modifier(Modifier::BOLD) } else { self.bold() }
    }

    /// A claim's verdict badge; the badge's text always names the verdict.
    #[must_use]
    pub fn verdict(self, verdict: Verdict) -> Style {
        let p = self.palette;
        let color = match verdict {
            Verdict::Accurate => p.accurate,
            Verdict::PartlyTrue => p.partly_true,
            Verdict::Outdated => p.outdated,
            Verdict::Wrong => p.wrong,
            Verdict::Opinion => p.opinion,
        };
        self.fg(color).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An indexed colour of the 256-colour cube or grey ramp as RGB (the same in every terminal that
    /// keeps xterm's values); `None` for the 16 named colours, whose values each terminal chooses.
    fn rgb(color: Color) -> Option<[u8; 3]> {
        match color {
            Color::Rgb(r, g, b) => Some([r, g, b]),
            Color::Indexed(n @ 16..=231) => {
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                let n = n - 16;
                Some([level(n / 36), level(n / 6 % 6), level(n % 6)])
            }
            Color::Indexed(n @ 232..=255) => Some([8 + 10 * (n - 232); 3]),
            _ => None,
        }
    }

    /// WCAG 2's contrast ratio of two colours.
    fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
        let luminance = |c: [u8; 3]| {
            let linear = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.040_45 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn the_light_themes_green_is_readable_on_white() {
        let white = [255, 255, 255];
        // The check itself: xterm's named green fails it, black passes.
        assert!(contrast([0, 205, 0], white) < 4.5);
        assert!(contrast([0, 0, 0], white) > 20.0);
        for (name, color) in [("option-1", Palette::LIGHT.options[0]), ("accurate", Palette::LIGHT.accurate)] {
            let value = rgb(color).unwrap_or_else(|| panic!("{name}: {color:?} is a named colour each terminal sets"));
            let ratio = contrast(value, white);
            assert!(ratio >= 4.5, "{name}: {value:?} is {ratio:.2}:1 on white");
        }
    }

    #[test]
    fn headings_keys_and_sliders_never_wear_an_options_colour() {
        for palette in [Palette::DARK, Palette::LIGHT] {
            // Two options is the common case: theirs must stay theirs.
            for item in [palette.heading, palette.key, palette.slider] {
                assert!(!palette.options[..2].contains(&item), "{item:?} in {palette:?}");
            }
        }
        // xterm's default blue and red are too dark on black.
        assert!(!Palette::DARK.options.contains(&Color::Blue) && !Palette::DARK.options.contains(&Color::Red));
    }
}
