import { type Adjustments, autoEnhance, cropPixels, FILTERS, histogram, type Recipe } from '@glimpse/edit';
import {
  type CSSProperties,
  type Dispatch,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { Icon } from '../../components/Icon';
import { EditIcon } from './EditIcon';
import styles from './Editor.module.css';
import {
  ALLOWED_ASPECTS,
  type EditorAction,
  type EditorState,
  type LuxState,
  type OpenTool,
} from './editorState';
import { type PhotoSource, useEditorEnvironment } from './environment';
import { PreviewStage, type Size } from './PreviewStage';
import { Slider } from './Slider';
import { Thumbnailer, type Thumbnails } from './thumbnails';
import {
  fromPercent,
  isSliderTool,
  LUX,
  labelOf,
  rangeOf,
  TINT_SWATCHES,
  TOOLS,
  type ToolId,
  toolChanged,
  toPercent,
} from './tools';

export interface EditorPhoto {
  key: string;
  /** The photo's pixels: the picked file, or the address of the original on the server. */
  src: string | Blob;
  /** A small picture for the photo switcher. */
  thumb: string | null;
  /** The oriented original's size; null until known. */
  size: Size | null;
}

type SourceState = { status: 'loading' } | { status: 'ready'; source: PhotoSource } | { status: 'failed' };

/** Decodes each photo once, when it is first shown; frees them all when the editor closes. */
function useSources(photos: readonly EditorPhoto[], selected: string): SourceState {
  const environment = useEditorEnvironment();
  const [sources, setSources] = useState<Record<string, SourceState>>({});
  const loaded = useRef<Map<string, Promise<PhotoSource>> | null>(null);
  const src = photos.find((p) => p.key === selected)?.src;

  // One set of decoded photos per mounting (React's development double mount included).
  useEffect(() => {
    const all = new Map<string, Promise<PhotoSource>>();
    loaded.current = all;
    return () => {
      loaded.current = null;
      setSources({});
      for (const promise of all.values()) promise.then((s) => s.close()).catch(() => {});
    };
  }, []);

  useEffect(() => {
    const all = loaded.current;
    if (!src || !all || all.has(selected)) return;
    const promise = environment.loadSource(src);
    all.set(selected, promise);
    const settle = (state: SourceState) => {
      if (loaded.current === all) setSources((s) => ({ ...s, [selected]: state }));
    };
    promise.then(
      (source) => settle({ status: 'ready', source }),
      () => settle({ status: 'failed' }),
    );
  }, [environment, src, selected]);

  return src ? (sources[selected] ?? { status: 'loading' }) : { status: 'failed' };
}

/** The shape the preview will have: the output's width / height. */
function outputAspect(recipe: Recipe, size: Size | null): number {
  if (!size) return 1;
  try {
    const result = cropPixels(size.width, size.height, recipe.geometry, ALLOWED_ASPECTS);
    if (result.ok) return result.output.width / result.output.height;
  } catch {
    // Fall back to a square until the geometry is valid.
  }
  return 1;
}

function filterLabel(name: string): string {
  return FILTERS.find((f) => f.name === name)?.label ?? name;
}

/**
 * The photo editor shared by "Create new post" and "Edit photos": the live preview (press and hold to
 * see the original), the Filters tab (a strip of the photo through every filter, and its intensity) and
 * the Edit tab (Lux and Instagram's tools, each opening a slider with Cancel and Done). Each photo of a
 * carousel has its own recipe; the strip above the tabs switches between them.
 */
export function Editor({
  photos,
  selected,
  onSelect,
  state,
  dispatch,
  recipeOf,
  errors = {},
  onSnapshot,
  flushSnapshot,
}: {
  photos: readonly EditorPhoto[];
  selected: string;
  onSelect: (key: string) => void;
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  /** The photo's recipe as it is now (in the create flow, with the Crop step's crop). */
  recipeOf: (key: string) => Recipe;
  /** The API's refusal of a photo's recipe, by photo key. */
  errors?: Record<string, string>;
  /** A picture of the edited photo, taken when the preview settles (for the caption step). */
  onSnapshot?: (key: string, dataUrl: string, size: Size) => void;
  /** Set by the editor: takes the snapshot now if one is waiting (before saving). */
  flushSnapshot?: { current: (() => void) | null };
}) {
  const environment = useEditorEnvironment();
  const [thumbnailer, setThumbnailer] = useState<Thumbnailer | null>(null);
  useEffect(() => {
    const made = new Thumbnailer(environment);
    setThumbnailer(made);
    return () => made.dispose();
  }, [environment]);

  const index = Math.max(
    0,
    photos.findIndex((p) => p.key === selected),
  );
  const photo = photos[index];
  const key = photo?.key ?? selected;
  const recipe = recipeOf(key);
  const source = useSources(photos, key);
  const [comparing, setComparing] = useState(false);
  const [gridShown, setGridShown] = useState(false);
  const open = state.open?.key === key ? state.open : null;
  const tabsId = useId();
  const toolButtons = useRef(new Map<string, HTMLButtonElement>());
  const lastTool = useRef<OpenTool | null>(null);

  // Back from a tool, the keyboard returns to the tool's button.
  useEffect(() => {
    if (open) {
      lastTool.current = open.tool;
      return;
    }
    const tool = lastTool.current;
    lastTool.current = null;
    if (tool) toolButtons.current.get(tool)?.focus();
  }, [open]);

  const select = (next: string) => {
    if (state.open) dispatch({ type: 'done' });
    setComparing(false);
    onSelect(next);
  };

  const openTool = (tool: OpenTool) => {
    dispatch({ type: 'open', key, tool, current: recipe });
    if (tool === 'lux') {
      const previous = state.lux[key];
      const pixels = source.status === 'ready' ? source.source.pixels() : null;
      const enhance: Partial<Adjustments> =
        previous?.enhance ??
        (pixels
          ? autoEnhance(
              histogram({ width: pixels.width, height: pixels.height, channels: 4, data: pixels.data }),
            )
          : {});
      // Like Instagram's wand: a tap applies half, the slider tunes it.
      dispatch({
        type: 'lux',
        key,
        amount: previous && previous.amount > 0 ? previous.amount : 0.5,
        enhance,
      });
    }
  };

  // Snapshots for the caption step: the settled preview, read a moment after the last draw (the
  // renderer keeps its drawing), so dragging a slider never waits for a JPEG to be encoded.
  const snapshotTimer = useRef(0);
  const latest = useRef({ key, recipe: JSON.stringify(recipe), comparing });
  latest.current = { key, recipe: JSON.stringify(recipe), comparing };
  const pendingSnapshot = useRef<((leaving?: boolean) => void) | null>(null);
  const onRendered = (canvas: HTMLCanvasElement, drawn: Recipe) => {
    if (!onSnapshot) return;
    window.clearTimeout(snapshotTimer.current);
    const drawnKey = key;
    const drawnRecipe = JSON.stringify(drawn);
    const drawnWhileComparing = latest.current.comparing;
    /**
     * `leaving`: the person moved to another photo or step before the timer: the drawing is this
     * photo's last (a change redraws, replacing this callback), so it is taken now rather than lost.
     */
    const take = (leaving = false) => {
      pendingSnapshot.current = null;
      const now = latest.current;
      if (leaving ? drawnWhileComparing : now.comparing || now.key !== drawnKey || now.recipe !== drawnRecipe)
        return;
      try {
        onSnapshot(drawnKey, canvas.toDataURL('image/jpeg', 0.85), {
          width: canvas.width,
          height: canvas.height,
        });
      } catch {
        // A canvas that cannot be read (no preview): the caption step shows the plain crop.
      }
    };
    pendingSnapshot.current = take;
    snapshotTimer.current = window.setTimeout(take, 400);
  };
  // Switching photo, or leaving the step (before the preview's canvas is released), takes the pending one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cleanup must run at each change of photo
  useLayoutEffect(
    () => () => {
      window.clearTimeout(snapshotTimer.current);
      pendingSnapshot.current?.(true);
    },
    [key],
  );
  if (flushSnapshot) {
    flushSnapshot.current = () => {
      window.clearTimeout(snapshotTimer.current);
      pendingSnapshot.current?.(true);
    };
  }
  useEffect(() => () => window.clearTimeout(snapshotTimer.current), []);

  // Press and hold the photo to see the original; with Tilt Shift open, dragging moves its centre.
  const tiltDrag = open?.tool === 'tiltShift' && recipe.adjust.tiltShift.mode !== 'off';
  const moveTilt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    dispatch({
      type: 'tiltShift',
      key,
      change: { x: (event.clientX - rect.left) / rect.width, y: (event.clientY - rect.top) / rect.height },
    });
  };
  const onStageDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    if (tiltDrag) moveTilt(event);
    else setComparing(true);
  };
  const onStageMove = (event: PointerEvent<HTMLDivElement>) => {
    if (tiltDrag && event.currentTarget.hasPointerCapture?.(event.pointerId)) moveTilt(event);
  };
  const onStageUp = () => setComparing(false);

  const compareKeys = (event: KeyboardEvent<HTMLButtonElement>, down: boolean) => {
    if (event.key !== ' ' && event.key !== 'Enter') return;
    event.preventDefault();
    if (!event.repeat) setComparing(down);
  };

  const size = photo?.size ?? null;
  const aspect = outputAspect(recipe, size);
  const filterName = filterLabel(recipe.filter.name);

  const tilt = recipe.adjust.tiltShift;
  const overlay = (
    <>
      {gridShown && <div className={styles.fineGrid} aria-hidden="true" />}
      {open?.tool === 'adjust' && !gridShown && <div className={styles.thirdsGrid} aria-hidden="true" />}
      {open?.tool === 'tiltShift' && tilt.mode !== 'off' && !comparing && (
        <div
          className={tilt.mode === 'radial' ? styles.tiltRadial : styles.tiltLinear}
          style={
            {
              '--x': `${tilt.x * 100}%`,
              '--y': `${tilt.y * 100}%`,
              '--size': tilt.size,
              '--angle': `${tilt.angle}deg`,
            } as CSSProperties
          }
          aria-hidden="true"
        />
      )}
    </>
  );

  return (
    <div className={styles.editor}>
      <div className={styles.media}>
        <PreviewStage
          source={source.status === 'ready' ? source.source : null}
          sourceFailed={source.status === 'failed'}
          recipe={recipe}
          aspect={aspect}
          compare={comparing}
          label={`Photo ${index + 1} of ${photos.length}${recipe.filter.name !== 'normal' ? `, ${filterName} filter` : ''}${comparing ? ', original' : ''}`}
          overlay={overlay}
          onPointerDown={onStageDown}
          onPointerMove={onStageMove}
          onPointerUp={onStageUp}
          onRendered={onRendered}
        />
        <div className={styles.originalLive} role="status">
          {comparing && <span className={styles.originalBadge}>Original</span>}
        </div>
        <button
          type="button"
          className={`${styles.compare} ${comparing ? styles.compareActive : ''}`}
          aria-label="Compare with the original (press and hold)"
          aria-pressed={comparing}
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture?.(event.pointerId);
            setComparing(true);
          }}
          onPointerUp={() => setComparing(false)}
          onPointerCancel={() => setComparing(false)}
          onKeyDown={(event) => compareKeys(event, true)}
          onKeyUp={(event) => compareKeys(event, false)}
          onBlur={() => setComparing(false)}
          onContextMenu={(event) => event.preventDefault()}
        >
          <EditIcon name="compare" size={20} />
        </button>
        {photos.length > 1 && (
          <>
            {index > 0 && (
              <button
                type="button"
                className={`${styles.carouselButton} ${styles.carouselPrev}`}
                aria-label="Previous photo"
                onClick={() => select(photos[index - 1]?.key ?? key)}
              >
                <Icon name="chevronLeft" size={16} />
              </button>
            )}
            {index < photos.length - 1 && (
              <button
                type="button"
                className={`${styles.carouselButton} ${styles.carouselNext}`}
                aria-label="Next photo"
                onClick={() => select(photos[index + 1]?.key ?? key)}
              >
                <Icon name="chevronRight" size={16} />
              </button>
            )}
            <span className={styles.dots} aria-hidden="true">
              {photos.map((p, i) => (
                <span key={p.key} className={i === index ? styles.dotActive : undefined} />
              ))}
            </span>
          </>
        )}
      </div>

      <div className={styles.side}>
        {photos.length > 1 && !open && (
          <ol className={styles.photoSwitcher} aria-label="Photos">
            {photos.map((p, i) => (
              <li key={p.key}>
                <button
                  type="button"
                  className={`${styles.photoButton} ${p.key === key ? styles.photoButtonCurrent : ''}`}
                  aria-label={`Edit photo ${i + 1}`}
                  aria-current={p.key === key ? 'true' : undefined}
                  onClick={() => select(p.key)}
                >
                  {p.thumb ? (
                    <img src={p.thumb} alt="" draggable={false} />
                  ) : (
                    <Icon name="camera" size={18} />
                  )}
                </button>
              </li>
            ))}
          </ol>
        )}

        {open ? (
          <ToolPanel
            tool={open.tool}
            recipe={recipe}
            lux={state.lux[key]}
            dispatch={dispatch}
            photoKey={key}
            size={size}
            filterName={filterName}
            onGrid={setGridShown}
          />
        ) : (
          <>
            <div className={styles.tabs} role="tablist" aria-label="Edit mode">
              {(['filters', 'edit'] as const).map((tab) => (
                <button
                  key={tab}
                  type="button"
                  role="tab"
                  id={`${tabsId}-${tab}`}
                  aria-selected={state.tab === tab}
                  aria-controls={`${tabsId}-panel`}
                  tabIndex={state.tab === tab ? 0 : -1}
                  className={styles.tab}
                  onClick={() => dispatch({ type: 'tab', tab })}
                  onKeyDown={(event) => {
                    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
                    const other = tab === 'filters' ? 'edit' : 'filters';
                    dispatch({ type: 'tab', tab: other });
                    document.getElementById(`${tabsId}-${other}`)?.focus();
                  }}
                >
                  {tab === 'filters' ? 'Filters' : 'Edit'}
                </button>
              ))}
            </div>
            <div
              id={`${tabsId}-panel`}
              role="tabpanel"
              aria-labelledby={`${tabsId}-${state.tab}`}
              className={styles.tabPanel}
            >
              {state.tab === 'filters' ? (
                <>
                  <FilterStrip
                    photoKey={key}
                    source={source.status === 'ready' ? source.source : null}
                    recipe={recipe}
                    thumbnailer={thumbnailer}
                    onPick={(name) => dispatch({ type: 'filter', key, name })}
                    onTune={() => openTool('intensity')}
                  />
                  {recipe.filter.name !== 'normal' && (
                    <Slider
                      label={`${filterName} intensity`}
                      value={toPercent(recipe.filter.intensity)}
                      min={0}
                      max={100}
                      neutral={100}
                      onChange={(v) => dispatch({ type: 'intensity', key, value: fromPercent(v) })}
                      onReset={() => dispatch({ type: 'reset', key, tool: 'intensity' })}
                    />
                  )}
                </>
              ) : (
                <ul className={styles.tools} aria-label="Tools">
                  {[LUX, ...TOOLS].map((tool) => {
                    const changed = toolChanged(tool.id, recipe, state.lux[key]?.amount ?? 0);
                    return (
                      <li key={tool.id}>
                        <button
                          type="button"
                          className={`${styles.tool} ${tool.id === 'lux' ? styles.luxTool : ''}`}
                          ref={(element) => {
                            if (element) toolButtons.current.set(tool.id, element);
                            else toolButtons.current.delete(tool.id);
                          }}
                          disabled={tool.id === 'lux' && source.status !== 'ready'}
                          onClick={() => openTool(tool.id)}
                        >
                          <span className={styles.toolIcon}>
                            <EditIcon name={tool.id} />
                          </span>
                          <span className={styles.toolName}>
                            {tool.label}
                            {changed && <span className="visually-hidden"> (changed)</span>}
                          </span>
                          <span className={changed ? styles.toolDot : styles.toolNoDot} aria-hidden="true" />
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          </>
        )}
        {errors[key] && (
          <p className="field-error" role="alert">
            {errors[key]}
          </p>
        )}
      </div>
    </div>
  );
}

function FilterStrip({
  photoKey,
  source,
  recipe,
  thumbnailer,
  onPick,
  onTune,
}: {
  photoKey: string;
  source: PhotoSource | null;
  recipe: Recipe;
  thumbnailer: Thumbnailer | null;
  onPick: (name: string) => void;
  onTune: () => void;
}) {
  const [thumbs, setThumbs] = useState<Thumbnails>({});
  const name = useId();
  const list = useRef<HTMLDivElement>(null);
  const geometry = JSON.stringify(recipe.geometry);

  useEffect(() => {
    setThumbs({});
    if (!source || !thumbnailer) return;
    return thumbnailer.request(photoKey, source, JSON.parse(geometry), setThumbs);
  }, [thumbnailer, photoKey, source, geometry]);

  // Keep the chosen filter in sight (a photo switched to, a filter picked with the arrow keys).
  const current = recipe.filter.name;
  useEffect(() => {
    const element = list.current?.querySelector<HTMLElement>(`[data-filter="${current}"]`);
    const strip = list.current;
    if (!element || !strip || strip.scrollWidth <= strip.clientWidth) return;
    strip.scrollTo?.({ left: element.offsetLeft - strip.clientWidth / 2 + element.offsetWidth / 2 });
  }, [current]);

  return (
    <fieldset className={styles.filters}>
      <legend className="visually-hidden">Filters</legend>
      <div className={styles.filterList} ref={list}>
        {FILTERS.map((filter) => {
          const chosen = filter.name === current;
          return (
            <label
              key={filter.name}
              data-filter={filter.name}
              className={`${styles.filter} ${chosen ? styles.filterChosen : ''}`}
            >
              <input
                type="radio"
                className={`visually-hidden ${styles.filterInput}`}
                name={name}
                value={filter.name}
                checked={chosen}
                onChange={() => onPick(filter.name)}
                onClick={() => {
                  // Tapping the chosen filter again opens its intensity, as on Instagram.
                  if (chosen && filter.name !== 'normal') onTune();
                }}
              />
              <span className={styles.filterName}>{filter.label}</span>
              <span className={styles.filterThumb}>
                {thumbs[filter.name] ? (
                  <img src={thumbs[filter.name]} alt="" draggable={false} />
                ) : (
                  <span className={styles.thumbPending} />
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function ToolPanel({
  tool,
  recipe,
  lux,
  dispatch,
  photoKey: key,
  size,
  filterName,
  onGrid,
}: {
  tool: OpenTool;
  recipe: Recipe;
  lux: LuxState | undefined;
  dispatch: Dispatch<EditorAction>;
  photoKey: string;
  size: Size | null;
  filterName: string;
  onGrid: (shown: boolean) => void;
}) {
  const titleId = useId();
  const [tintTarget, setTintTarget] = useState<'shadowTint' | 'highlightTint'>('shadowTint');
  const gridTimer = useRef(0);
  useEffect(() => () => window.clearTimeout(gridTimer.current), []);
  useEffect(() => () => onGrid(false), [onGrid]);
  const reset = () => dispatch({ type: 'reset', key, tool });
  const label = tool === 'intensity' ? filterName : labelOf(tool);

  let body: ReactNode = null;
  if (tool === 'intensity') {
    body = (
      <Slider
        label="Intensity"
        value={toPercent(recipe.filter.intensity)}
        min={0}
        max={100}
        neutral={100}
        autoFocus
        onChange={(v) => dispatch({ type: 'intensity', key, value: fromPercent(v) })}
        onReset={reset}
      />
    );
  } else if (tool === 'lux') {
    body = (
      <Slider
        label="Lux"
        value={toPercent(lux?.amount ?? 0)}
        min={0}
        max={100}
        autoFocus
        onChange={(v) => dispatch({ type: 'lux', key, amount: fromPercent(v), enhance: lux?.enhance ?? {} })}
        onReset={reset}
      />
    );
  } else if (tool === 'adjust') {
    const showGrid = () => {
      onGrid(true);
      window.clearTimeout(gridTimer.current);
      gridTimer.current = window.setTimeout(() => onGrid(false), 900);
    };
    body = (
      <>
        <button
          type="button"
          className={styles.rotateButton}
          disabled={!size}
          onClick={() =>
            size &&
            dispatch({
              type: 'rotate',
              key,
              image: size,
              crop: recipe.geometry.crop,
              aspect: currentAspect(recipe, size),
            })
          }
        >
          <EditIcon name="rotate" size={20} />
          Rotate 90°
        </button>
        <Slider
          label="Straighten"
          value={recipe.geometry.straighten}
          min={-45}
          max={45}
          step={0.5}
          unit="°"
          autoFocus
          onChange={(v) => {
            showGrid();
            dispatch({ type: 'straighten', key, degrees: v });
          }}
          onDragChange={(dragging) => {
            window.clearTimeout(gridTimer.current);
            onGrid(dragging);
          }}
          onReset={reset}
        />
      </>
    );
  } else if (tool === 'color') {
    const tint = recipe.adjust[tintTarget];
    body = (
      <>
        <fieldset className={styles.segmented}>
          <legend className="visually-hidden">Tones</legend>
          {(['shadowTint', 'highlightTint'] as const).map((which) => (
            <button
              key={which}
              type="button"
              aria-pressed={tintTarget === which}
              onClick={() => setTintTarget(which)}
            >
              {which === 'shadowTint' ? 'Shadows' : 'Highlights'}
            </button>
          ))}
        </fieldset>
        <fieldset className={styles.swatches}>
          <legend className="visually-hidden">
            {tintTarget === 'shadowTint' ? 'Shadows colour' : 'Highlights colour'}
          </legend>
          <button
            type="button"
            className={`${styles.swatch} ${styles.swatchNone}`}
            aria-label="No colour"
            aria-pressed={tint.amount === 0}
            onClick={() => dispatch({ type: 'tint', key, which: tintTarget, tint: { amount: 0 } })}
          />
          {TINT_SWATCHES.map((swatch) => {
            const on = tint.amount > 0 && Math.abs(tint.hue - swatch.hue) < 1;
            return (
              <button
                key={swatch.name}
                type="button"
                className={styles.swatch}
                style={{ '--swatch': swatch.css } as CSSProperties}
                aria-label={swatch.name}
                aria-pressed={on}
                onClick={() =>
                  dispatch({
                    type: 'tint',
                    key,
                    which: tintTarget,
                    tint: { hue: swatch.hue, amount: tint.amount > 0 ? tint.amount : 0.5 },
                  })
                }
              />
            );
          })}
        </fieldset>
        <Slider
          label={`${tintTarget === 'shadowTint' ? 'Shadows' : 'Highlights'} colour amount`}
          value={toPercent(tint.amount)}
          min={0}
          max={100}
          onChange={(v) =>
            dispatch({ type: 'tint', key, which: tintTarget, tint: { amount: fromPercent(v) } })
          }
          onReset={() => dispatch({ type: 'tint', key, which: tintTarget, tint: { amount: 0 } })}
        />
      </>
    );
  } else if (tool === 'tiltShift') {
    const t = recipe.adjust.tiltShift;
    body = (
      <>
        <fieldset className={styles.segmented}>
          <legend className="visually-hidden">Tilt Shift mode</legend>
          {(['off', 'radial', 'linear'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              aria-pressed={t.mode === mode}
              onClick={() => dispatch({ type: 'tiltShift', key, change: { mode } })}
            >
              {mode === 'off' ? 'Off' : mode === 'radial' ? 'Radial' : 'Linear'}
            </button>
          ))}
        </fieldset>
        {t.mode === 'off' ? (
          <p className={styles.toolHint}>Blur the edges to make the scene look like a miniature.</p>
        ) : (
          <>
            <p className={styles.toolHint}>Drag on the photo to move the sharp area.</p>
            <Slider
              label="Size"
              value={toPercent(t.size)}
              min={5}
              max={100}
              neutral={25}
              onChange={(v) => dispatch({ type: 'tiltShift', key, change: { size: fromPercent(v) } })}
            />
            {t.mode === 'linear' && (
              <Slider
                label="Angle"
                value={t.angle}
                min={-90}
                max={90}
                unit="°"
                onChange={(v) => dispatch({ type: 'tiltShift', key, change: { angle: v } })}
              />
            )}
          </>
        )}
      </>
    );
  } else if (isSliderTool(tool)) {
    const [min] = rangeOf(tool);
    body = (
      <Slider
        label={labelOf(tool)}
        value={toPercent(recipe.adjust[tool])}
        min={min < 0 ? -100 : 0}
        max={100}
        autoFocus
        hideLabel
        onChange={(v) => dispatch({ type: 'adjust', key, name: tool, value: fromPercent(v) })}
        onReset={reset}
      />
    );
  }

  return (
    <section className={styles.toolPanel} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.toolTitle}>
        {tool !== 'intensity' && <EditIcon name={tool as ToolId} size={20} />}
        {label}
      </h2>
      <div className={styles.toolBody}>{body}</div>
      <div className={styles.toolActions}>
        <button type="button" onClick={() => dispatch({ type: 'cancel' })}>
          Cancel
        </button>
        <button type="button" className={styles.done} onClick={() => dispatch({ type: 'done' })}>
          Done
        </button>
      </div>
    </section>
  );
}

/** The current crop's shape (width / height), to keep when a quarter turn makes it disallowed. */
function currentAspect(recipe: Recipe, size: Size): number | null {
  try {
    const result = cropPixels(size.width, size.height, recipe.geometry, ALLOWED_ASPECTS);
    return result.ok ? result.output.width / result.output.height : null;
  } catch {
    return null;
  }
}
