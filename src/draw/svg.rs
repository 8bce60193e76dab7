//! A small writer for standalone SVG: escaped text, and the few shapes the
//! pictures use.

use std::fmt::Write as _;

/// Escapes text for an SVG element's content or a quoted attribute.
///
/// ```
/// use perfect_week::draw::escape;
/// assert_eq!(escape("Tom & \"Jo\" <3"), "Tom &amp; &quot;Jo&quot; &lt;3");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// How a box is drawn. Each style differs in its outline or pattern, not
/// only in colour, so it reads when printed in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fill {
    /// White, solid outline.
    Plain,
    /// Light grey, solid outline.
    Shaded,
    /// White, dashed outline.
    Dashed,
    /// Diagonal hatching, thick outline: something missing.
    Hatched,
    /// White, no outline: a backing for text over hatching.
    Blank,
}

/// An SVG document being written.
pub(crate) struct Svg {
    out: String,
}

/// The hatching pattern's id.
const HATCH: &str = "hatch";

impl Svg {
    /// Opens a document of the given size, with its title and description
    /// (read out by screen readers, shown by browsers).
    pub(crate) fn new(width: f64, height: f64, title: &str, desc: &str) -> Self {
        let mut out = String::new();
        let _ = write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"title desc\" \
             font-family=\"Arial, Helvetica, sans-serif\">\n\
             <title id=\"title\">{}</title>\n<desc id=\"desc\">{}</desc>\n\
             <defs><pattern id=\"{HATCH}\" width=\"8\" height=\"8\" \
             patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
             <rect width=\"8\" height=\"8\" fill=\"#ffffff\"/>\
             <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#555555\" stroke-width=\"2\"/>\
             </pattern></defs>\n\
             <rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n",
            escape(title),
            escape(desc)
        );
        Self { out }
    }

    /// Opens a group with a title of its own (a tooltip, and what a screen
    /// reader says for it).
    pub(crate) fn group(&mut self, title: &str) {
        let _ = writeln!(self.out, "<g><title>{}</title>", escape(title));
    }

    /// Closes the last group.
    pub(crate) fn end_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// A box.
    pub(crate) fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: Fill) {
        let (fill, stroke) = match fill {
            Fill::Plain => ("#ffffff".to_owned(), "stroke-width=\"1.5\""),
            Fill::Shaded => ("#e4e4e4".to_owned(), "stroke-width=\"1.5\""),
            Fill::Dashed => (
                "#ffffff".to_owned(),
                "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"",
            ),
            Fill::Hatched => (format!("url(#{HATCH})"), "stroke-width=\"3\""),
            Fill::Blank => (
                "#ffffff".to_owned(),
                "stroke-width=\"0\" stroke-opacity=\"0\"",
            ),
        };
        let _ = writeln!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" \
             fill=\"{fill}\" stroke=\"#000000\" {stroke}/>",
            width.max(0.0),
            height.max(0.0)
        );
    }

    /// A thin line.
    pub(crate) fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), dashed: bool) {
        let dash = if dashed {
            " stroke-dasharray=\"2 3\""
        } else {
            ""
        };
        let _ = writeln!(
            self.out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" \
             stroke=\"#000000\" stroke-width=\"1\"{dash}/>"
        );
    }

    /// One line of text; `anchor` is `start`, `middle` or `end`.
    pub(crate) fn text(&mut self, x: f64, y: f64, size: f64, bold: bool, anchor: &str, text: &str) {
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" text-anchor=\"{anchor}\" \
             fill=\"#000000\"{weight}>{}</text>",
            escape(text)
        );
    }

    /// Text wrapped to `width` inside a box of `height` from (`x`, `y`):
    /// `head`, then `tail` on lines of its own. The lines of `tail` (who
    /// supports, say) always show: when both do not fit, `head` is cut short
    /// and its last line shown ends in "…".
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn wrapped(
        &mut self,
        x: f64,
        y: f64,
        width: f64,
        height: f64,
        size: f64,
        head: &str,
        tail: &str,
    ) {
        let per_line = ((width / (size * 0.55)).floor() as usize).max(4);
        let most = ((height / (size * 1.2)).floor() as usize).max(1);
        let mut lines = wrap(head, per_line);
        let tail = wrap(tail, per_line);
        if lines.len() + tail.len() > most {
            lines.truncate(most.saturating_sub(tail.len()));
            if let Some(last) = lines.last_mut() {
                let kept: String = last.chars().take(per_line.saturating_sub(1)).collect();
                *last = format!("{}…", kept.trim_end());
            }
        }
        lines.extend(tail);
        for (i, line) in lines.iter().take(most).enumerate() {
            self.text(
                x,
                y + size * (1.0 + 1.2 * i as f64),
                size,
                false,
                "start",
                line,
            );
        }
    }

    /// Closes the document.
    pub(crate) fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// Splits text into lines of at most `per_line` characters, at spaces where
/// it can.
fn wrap(text: &str, per_line: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        loop {
            let used = line.chars().count();
            let len = word.chars().count();
            let room = if used == 0 {
                per_line
            } else {
                per_line.saturating_sub(used + 1)
            };
            if len <= room {
                if used > 0 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a line: cut it.
            let head: String = word.chars().take(per_line).collect();
            word = word.chars().skip(per_line).collect();
            lines.push(head);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_and_cuts_long_ones() {
        assert_eq!(
            wrap("Swimming at the pool", 10),
            ["Swimming", "at the", "pool"]
        );
        assert_eq!(wrap("abcdefghijkl", 5), ["abcde", "fghij", "kl"]);
        assert!(wrap("  ", 5).is_empty());
    }

    #[test]
    fn a_tail_always_shows_and_the_head_is_cut_short() {
        let mut svg = Svg::new(100.0, 50.0, "t", "d");
        // Room for two lines of ten characters.
        svg.wrapped(
            0.0,
            0.0,
            55.0,
            24.0,
            10.0,
            "Sleep-in after the cinema",
            "with Tom",
        );
        let text = svg.finish();
        assert!(text.contains(">Sleep-in…<"), "{text}");
        assert!(text.contains(">with Tom<"), "{text}");
        assert!(!text.contains("cinema"), "{text}");
    }

    #[test]
    fn a_document_is_well_formed_with_awkward_text() -> Result<(), roxmltree::Error> {
        let mut svg = Svg::new(100.0, 50.0, "A & B's <week>", "\"quoted\"\u{1}");
        svg.group("x < y");
        svg.rect(0.0, 0.0, 10.0, 10.0, Fill::Hatched);
        svg.wrapped(0.0, 0.0, 200.0, 40.0, 10.0, "Tom & Jerry <3", "");
        svg.end_group();
        let text = svg.finish();
        let doc = roxmltree::Document::parse(&text)?;
        let title = doc.descendants().find(|n| n.has_tag_name("title"));
        assert_eq!(title.and_then(|t| t.text()), Some("A & B's <week>"));
        assert!(
            doc.descendants()
                .any(|n| n.text() == Some("Tom & Jerry <3"))
        );
        Ok(())
    }
}
