import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { prefilter } from './prefilter.js';

async function grayOf(svg: string, w: number, h: number) {
  const { data, info } = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${svg}</svg>`))
    .flatten({ background: '#fff' }).grayscale().raw().toBuffer({ resolveWithObject: true });
  return prefilter(data, info.width, info.height);
}

describe('prefilter', () => {
  it('sees printed text, dark on light and light on dark', async () => {
    const dark = await grayOf('<rect width="100%" height="100%" fill="#eee"/><text x="20" y="60" font-family="DejaVu Sans" font-size="28">4111 1111 1111 1111</text>', 480, 120);
    expect(dark.hasText).toBe(true);
    const light = await grayOf('<rect width="100%" height="100%" fill="#1a1f71"/><text x="20" y="60" font-family="DejaVu Sans Mono" font-size="28" fill="#fff">VALID THRU 08/27</text>', 480, 120);
    expect(light.hasText).toBe(true);
  });

  it('lets smooth photos, shapes and single hard edges skip OCR', async () => {
    const gradient = await grayOf('<defs><linearGradient id="g"><stop offset="0" stop-color="#234"/><stop offset="1" stop-color="#9bd"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>', 640, 480);
    expect(gradient).toMatchObject({ hasText: false, alignedCells: 0 });
    const shapes = await grayOf('<rect width="100%" height="100%" fill="#ddd"/><ellipse cx="320" cy="240" rx="180" ry="140" fill="#3a8"/><rect x="40" y="40" width="120" height="300" fill="#222"/>', 640, 480);
    expect(shapes.hasText).toBe(false);
  });

  it('reports columns of text cells for a page turned on its side', async () => {
    const lines = Array.from({ length: 6 }, (_, i) => `<text x="20" y="${40 + i * 40}" font-family="DejaVu Sans" font-size="24">Line ${i} of a sideways page</text>`).join('');
    const { data, info } = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="480" height="280">${lines}</svg>`))
      .flatten({ background: '#fff' }).rotate(90).grayscale().raw().toBuffer({ resolveWithObject: true });
    const upright = await grayOf(lines, 480, 280);
    const turned = prefilter(data, info.width, info.height);
    expect(turned.hasText).toBe(true);
    expect(turned.verticalShare).toBeGreaterThan(upright.verticalShare);
  });
});
