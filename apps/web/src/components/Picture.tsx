import { useMemo, useState } from 'react';
import { thumbHashToDataURL } from 'thumbhash';

export interface ImageData {
  width: number;
  height: number;
  thumbhash: string;
  dominantColor?: string | null;
  sources: readonly { url: string; width: number; format: 'AVIF' | 'WEBP' | 'JPEG' }[];
}

const MIME = { AVIF: 'image/avif', WEBP: 'image/webp', JPEG: 'image/jpeg' } as const;

function placeholderOf(thumbhash: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(thumbhash), (c) => c.charCodeAt(0));
    return thumbHashToDataURL(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A processed photo as a <picture>: AVIF, then WebP, then JPEG, each with a srcset of the widths the
 * server made. Width and height are always set (no layout shift) and the ThumbHash placeholder shows
 * until the photo has loaded. Only the first photo of a screen is eager with high fetch priority.
 */
export function Picture({
  image,
  alt,
  sizes,
  priority = false,
  className,
  fit = 'cover',
}: {
  image: ImageData;
  alt: string;
  sizes: string;
  priority?: boolean;
  className?: string;
  fit?: 'cover' | 'contain';
}) {
  const [loaded, setLoaded] = useState(false);
  const placeholder = useMemo(() => placeholderOf(image.thumbhash), [image.thumbhash]);
  const srcsets = (['AVIF', 'WEBP', 'JPEG'] as const).map((format) => ({
    format,
    srcset: image.sources
      .filter((s) => s.format === format)
      .map((s) => `${s.url} ${s.width}w`)
      .join(', '),
  }));
  const fallback = image.sources.filter((s) => s.format === 'JPEG').sort((a, b) => b.width - a.width)[0];
  return (
    <picture>
      {srcsets
        .slice(0, 2)
        .map(
          (s) => s.srcset && <source key={s.format} type={MIME[s.format]} srcSet={s.srcset} sizes={sizes} />,
        )}
      <img
        className={className}
        src={fallback?.url}
        srcSet={srcsets[2]?.srcset || undefined}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={alt}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        fetchPriority={priority ? 'high' : 'auto'}
        onLoad={() => setLoaded(true)}
        style={{
          objectFit: fit,
          backgroundColor: image.dominantColor ?? undefined,
          backgroundImage: !loaded && placeholder ? `url(${placeholder})` : undefined,
          backgroundSize: 'cover',
        }}
      />
    </picture>
  );
}
