import { DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Mixes a #rrggbb colour with black: 0 keeps it, 1 gives black. */
function darken(hex: string, amount: number): string {
  const channel = (i: number) =>
    Math.round(Number.parseInt(hex.slice(i, i + 2), 16) * (1 - amount))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

/** The light grey of striped and hovered table rows: text on it must still be readable. */
const ROW_GREY = DEFAULT_THEME.colors.gray[1];
/** WCAG 2.1 AA asks 4.5:1 for normal text; a little more keeps rounding and anti-aliasing safe. */
export const TEXT_CONTRAST = 4.7;

function darkEnough(hex: string, backgrounds: string[]): string {
  let out = hex;
  for (let step = 0; backgrounds.some((bg) => contrast(out, bg) < TEXT_CONTRAST) && step < 40; step++) out = darken(out, 0.04);
  return out;
}

/**
 * Mantine's palettes with every colour's shade 9 dark enough for text (WCAG 2.1 AA). With
 * primaryShade 9 that shade is what filled buttons and badges put white text on, what light
 * badges and the active navigation link write on shade 1 (shade 2 when hovered), what outline badges and coloured
 * text write on white. Shade 8, a filled control's hover, is darkened for white text too. Grey's shade 6 is the `dimmed` text colour: darkened to read on white and on a striped
 * row. Hues are kept; only lightness changes.
 */
export function accessibleColors(): Record<string, MantineColorsTuple> {
  const out: Record<string, MantineColorsTuple> = {};
  for (const [name, palette] of Object.entries(DEFAULT_THEME.colors)) {
    const shades = [...palette];
    const lightest = [palette[1], palette[2], ROW_GREY, '#ffffff'];
    const nine = darkEnough(palette[9], lightest);
    shades[9] = nine;
    shades[8] = darkEnough(palette[8], ['#ffffff']);
    if (name === 'gray') shades[6] = darkEnough(palette[6], [ROW_GREY, '#ffffff']);
    out[name] = shades as unknown as MantineColorsTuple;
  }
  return out;
}
