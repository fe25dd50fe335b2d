/**
 * A choropleth's colour scale: whole-number classes of equal width from 1 to the largest value,
 * one colour each, and a neutral colour for zero so "nobody" never looks like "a few".
 * Equal widths (not quantiles): with 20 regions and small counts, quantile classes would put
 * 1 and 9 in one colour; a reader compares regions by the legend's numbers.
 */
export interface ColourClass {
  from: number;
  to: number;
  colour: string;
}

export interface ColourScale {
  zero: string;
  classes: ColourClass[];
  colourOf(value: number): string;
}

/** Sequential palettes, light to dark (ColorBrewer Blues and Oranges, 5 classes), legible with black labels up to the 4th. */
export const PALETTES = {
  blue: ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  orange: ['#fdd0a2', '#fdae6b', '#fd8d3c', '#e6550d', '#a63603'],
} as const;

export const ZERO_COLOUR = '#eef0f2';

export function colourScale(max: number, palette: readonly string[]): ColourScale {
  const n = palette.length;
  const width = Math.max(1, Math.ceil(max / n));
  const classes: ColourClass[] = [];
  const k = Math.min(n, Math.ceil(max / width));
  // Fewer classes than colours (small counts): spread them over the palette, so the largest
  // value always has the darkest colour and neighbouring classes stay distinguishable.
  const colourIndex = (i: number) => (k === n ? i : k === 1 ? n - 1 : Math.round((i * (n - 1)) / (k - 1)));
  for (let i = 0; i < k; i++) classes.push({ from: i * width + 1, to: (i + 1) * width, colour: palette[colourIndex(i)] as string });
  return {
    zero: ZERO_COLOUR,
    classes,
    colourOf(value) {
      if (value <= 0) return ZERO_COLOUR;
      return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1])?.colour ?? ZERO_COLOUR;
    },
  };
}

/** Black or white text on a fill, whichever reads better (WCAG relative luminance). */
export function textOn(fill: string): '#1a1b1e' | '#ffffff' {
  const hex = fill.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#1a1b1e' : '#ffffff';
}
