import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { accessibleColors, contrast } from './theme-colors.ts';

const colors = accessibleColors();
const white = '#ffffff';
const rowGrey = DEFAULT_THEME.colors.gray[1];

describe('theme colours reach WCAG 2.1 AA text contrast (4.5:1)', () => {
  it('the contrast formula gives the known ratios', () => {
    expect(contrast('#000000', white)).toBeCloseTo(21, 5);
    expect(contrast('#868e96', white)).toBeCloseTo(3.32, 2); // Mantine's default dimmed grey: too light
  });

  it.each(Object.keys(colors))('%s: shade 9 (filled, light badge text, coloured text) and shade 8 (hover)', (name) => {
    const shades = colors[name] as readonly string[];
    const nine = shades[9] as string;
    expect(contrast(nine, white)).toBeGreaterThanOrEqual(4.5); // white on filled, coloured text on white
    expect(contrast(nine, shades[1] as string)).toBeGreaterThanOrEqual(4.5); // light variant
    expect(contrast(nine, shades[2] as string)).toBeGreaterThanOrEqual(4.5); // light variant, hovered
    expect(contrast(nine, rowGrey)).toBeGreaterThanOrEqual(4.5); // on a striped row
    expect(contrast(shades[8] as string, white)).toBeGreaterThanOrEqual(4.5);
    // Only the dark end moves: the light shades (backgrounds) are Mantine's.
    expect(shades.slice(0, 6)).toEqual(DEFAULT_THEME.colors[name]?.slice(0, 6));
  });

  it('dimmed text (grey 6) reads on white and on a striped row', () => {
    const six = colors.gray?.[6] as string;
    expect(contrast(six, white)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(six, rowGrey)).toBeGreaterThanOrEqual(4.5);
  });
});
