import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

// Draws the default signature and seal images shipped in resources/signing: stand-ins shown
// until the clerk loads the real scans (a blue handwritten signature, the agency's red seal,
// both PNG with a transparent background, as Decree 30 Appendix I asks). Run once:
// node scripts/make-placeholder-images.ts
function canvas(width: number, height: number): PNG {
  return new PNG({ width, height, colorType: 6 });
}

function dot(png: PNG, x: number, y: number, radius: number, rgb: readonly [number, number, number]): void {
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x + dx);
      const py = Math.round(y + dy);
      if (dx * dx + dy * dy > radius * radius || px < 0 || py < 0 || px >= png.width || py >= png.height) continue;
      const i = (py * png.width + px) * 4;
      png.data[i] = rgb[0];
      png.data[i + 1] = rgb[1];
      png.data[i + 2] = rgb[2];
      png.data[i + 3] = 255;
    }
  }
}

function signature(): PNG {
  const png = canvas(600, 280);
  const blue = [20, 40, 200] as const;
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = 40 + 520 * t;
    const y = 150 - 70 * Math.sin(t * Math.PI * 5) * (1 - t * 0.5) - 30 * Math.sin(t * Math.PI * 13);
    dot(png, x, y, 4, blue);
  }
  for (let t = 0; t <= 1; t += 0.001) dot(png, 120 + 380 * t, 230 - 10 * t, 3, blue);
  return png;
}

function seal(): PNG {
  const size = 400;
  const png = canvas(size, size);
  const red = [220, 20, 30] as const;
  const c = size / 2;
  for (const [radius, width] of [[190, 8], [178, 3], [120, 4]] as const) {
    for (let a = 0; a < Math.PI * 2; a += 0.002) dot(png, c + radius * Math.cos(a), c + radius * Math.sin(a), width / 2, red);
  }
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 70 : 28;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [c + r * Math.cos(a), c + r * Math.sin(a)] as const;
  });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i] as readonly [number, number];
        const [xj, yj] = points[j] as readonly [number, number];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      if (inside) dot(png, x, y, 0, red);
    }
  }
  return png;
}

const dir = new URL('../resources/signing/', import.meta.url);
writeFileSync(new URL('signature-placeholder.png', dir), PNG.sync.write(signature()));
writeFileSync(new URL('seal-placeholder.png', dir), PNG.sync.write(seal()));
