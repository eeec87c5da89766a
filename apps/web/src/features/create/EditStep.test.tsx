import { FILTERS, type Recipe } from '@glimpse/edit';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editorReducer, initialEditorState } from '../edit/editorState';
import { type EditorEnvironment, EditorEnvironmentProvider } from '../edit/environment';
import { fakeEnvironment, LAID_OUT } from '../edit/fakeEnvironment';
import { CENTRED } from './crop';
import { EditStep } from './EditStep';
import type { DraftPhoto } from './photos';
import { draftRecipe } from './recipes';

function draft(key: string): DraftPhoto {
  return {
    key,
    file: new File(['x'], `${key}.jpg`, { type: 'image/jpeg' }),
    previewUrl: `blob:${key}`,
    measured: null,
    upload: { kind: 'done', upload: { id: `upload-${key}`, width: 1200, height: 1200, format: 'jpeg' } },
    view: CENTRED,
    altText: '',
  };
}

function Harness({ photos, environment }: { photos: DraftPhoto[]; environment: EditorEnvironment }) {
  const [editor, dispatch] = useReducer(editorReducer, initialEditorState);
  const [selected, setSelected] = useState(photos[0]?.key ?? '');
  const photo = photos.find((p) => p.key === selected) ?? photos[0];
  if (!photo) return null;
  return (
    <EditorEnvironmentProvider value={environment}>
      <EditStep
        photos={photos}
        selected={photo}
        onSelect={setSelected}
        editor={editor}
        dispatch={dispatch}
        recipeOf={(key) => draftRecipe(editor.recipes[key], { width: 1200, height: 1200 }, 1, CENTRED)}
        errors={{}}
        onSnapshot={() => {}}
      />
      <pre data-testid="recipes">{JSON.stringify(editor.recipes)}</pre>
    </EditorEnvironmentProvider>
  );
}

const recipes = () => JSON.parse(screen.getByTestId('recipes').textContent ?? '{}') as Record<string, Recipe>;

beforeEach(() => {
  // happy-dom lays nothing out: give the preview's space a size so it draws.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(LAID_OUT);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Edit step', () => {
  it('offers every filter as a radio, tunes the chosen one, and draws it', async () => {
    const fake = fakeEnvironment();
    const user = userEvent.setup();
    render(<Harness photos={[draft('a')]} environment={fake.environment} />);

    const filters = screen.getByRole('group', { name: 'Filters' });
    const radios = within(filters).getAllByRole('radio');
    expect(radios).toHaveLength(FILTERS.length);
    expect(within(filters).getByRole('radio', { name: 'Normal' })).toBeChecked();
    expect(screen.getByRole('tab', { name: 'Filters' })).toHaveAttribute('aria-selected', 'true');

    await user.click(within(filters).getByRole('radio', { name: 'Onyx' }));
    expect(within(filters).getByRole('radio', { name: 'Onyx' })).toBeChecked();
    const intensity = screen.getByRole('slider', { name: 'Onyx intensity' });
    expect(intensity).toHaveAttribute('aria-valuetext', '100');
    fireEvent.change(intensity, { target: { value: '60' } });
    expect(intensity).toHaveAttribute('aria-valuetext', '60');
    expect(recipes().a?.filter).toEqual({ name: 'onyx', intensity: 0.6 });
    await waitFor(() => expect(fake.last()?.filter).toEqual({ name: 'onyx', intensity: 0.6 }));

    // Tapping the chosen filter again opens its intensity with Cancel and Done.
    await user.click(within(filters).getByRole('radio', { name: 'Onyx' }));
    expect(screen.getByRole('heading', { name: 'Onyx' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: 'Intensity' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('radio', { name: 'Onyx' })).toBeChecked();
  });

  it('opens a tool with its slider, keeps it on Done, drops it on Cancel, and marks changed tools', async () => {
    const fake = fakeEnvironment();
    const user = userEvent.setup();
    render(<Harness photos={[draft('a')]} environment={fake.environment} />);
    await user.click(screen.getByRole('tab', { name: 'Edit' }));

    const tools = screen.getByRole('list', { name: 'Tools' });
    for (const name of [
      'Lux',
      'Adjust',
      'Brightness',
      'Contrast',
      'Structure',
      'Warmth',
      'Saturation',
      'Color',
      'Fade',
      'Highlights',
      'Shadows',
      'Vignette',
      'Tilt Shift',
      'Sharpen',
    ]) {
      expect(within(tools).getByRole('button', { name })).toBeInTheDocument();
    }

    await user.click(within(tools).getByRole('button', { name: 'Brightness' }));
    const brightness = screen.getByRole('slider', { name: 'Brightness' });
    expect(brightness).toHaveFocus();
    expect(brightness).toHaveAttribute('min', '-100');
    fireEvent.change(brightness, { target: { value: '30' } });
    expect(brightness).toHaveAttribute('aria-valuetext', '+30');
    await waitFor(() => expect(fake.last()?.adjust.brightness).toBe(0.3));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    const changed = screen.getByRole('button', { name: 'Brightness (changed)' });
    expect(changed).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Fade' }));
    expect(screen.getByRole('slider', { name: 'Fade' })).toHaveAttribute('min', '0');
    fireEvent.change(screen.getByRole('slider', { name: 'Fade' }), { target: { value: '40' } });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Fade' })).toBeInTheDocument();
    expect(recipes().a?.adjust).toMatchObject({ brightness: 0.3, fade: 0 });

    // Reset puts a slider back to neutral.
    await user.click(screen.getByRole('button', { name: 'Brightness (changed)' }));
    await user.click(screen.getByRole('button', { name: 'Reset Brightness' }));
    expect(screen.getByRole('slider', { name: 'Brightness' })).toHaveAttribute('aria-valuetext', '0');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('button', { name: 'Brightness' })).toBeInTheDocument();
  });

  it('rotates and straightens in Adjust, and picks a shadows colour in Color', async () => {
    const fake = fakeEnvironment();
    const user = userEvent.setup();
    render(<Harness photos={[draft('a')]} environment={fake.environment} />);
    await user.click(screen.getByRole('tab', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Adjust' }));
    await user.click(screen.getByRole('button', { name: 'Rotate 90°' }));
    fireEvent.change(screen.getByRole('slider', { name: 'Straighten' }), { target: { value: '-12.5' } });
    expect(screen.getByRole('slider', { name: 'Straighten' })).toHaveAttribute('aria-valuetext', '-12.5°');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(recipes().a?.geometry).toMatchObject({ rotate: 90, straighten: -12.5 });

    await user.click(screen.getByRole('button', { name: 'Color' }));
    await user.click(screen.getByRole('button', { name: 'Blue' }));
    expect(screen.getByRole('button', { name: 'Blue' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Highlights' }));
    await user.click(screen.getByRole('button', { name: 'Yellow' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(recipes().a?.adjust.shadowTint).toEqual({ hue: 220, amount: 0.5 });
    expect(recipes().a?.adjust.highlightTint).toEqual({ hue: 55, amount: 0.5 });
    expect(screen.getByRole('button', { name: 'Color (changed)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lux' }));
    expect(screen.getByRole('slider', { name: 'Lux' })).toHaveAttribute('aria-valuetext', '50');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('button', { name: 'Lux (changed)' })).toBeInTheDocument();
  });

  it('shows the original while Compare is held, with the pointer or the keyboard', async () => {
    const fake = fakeEnvironment();
    render(<Harness photos={[draft('a')]} environment={fake.environment} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Onyx' }));
    await waitFor(() => expect(fake.last()?.filter.name).toBe('onyx'));

    const compare = screen.getByRole('button', { name: /Compare/ });
    fireEvent.pointerDown(compare, { pointerId: 1 });
    expect(screen.getByRole('status')).toHaveTextContent('Original');
    await waitFor(() => expect(fake.last()?.filter.name).toBe('normal'));
    fireEvent.pointerUp(compare, { pointerId: 1 });
    expect(screen.getByRole('status')).not.toHaveTextContent('Original');
    await waitFor(() => expect(fake.last()?.filter.name).toBe('onyx'));

    fireEvent.keyDown(compare, { key: ' ' });
    expect(compare).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Original');
    fireEvent.keyUp(compare, { key: ' ' });
    expect(compare).toHaveAttribute('aria-pressed', 'false');
  });

  it('edits each photo of a carousel on its own', async () => {
    const fake = fakeEnvironment();
    const user = userEvent.setup();
    render(<Harness photos={[draft('a'), draft('b')]} environment={fake.environment} />);
    await user.click(screen.getByRole('radio', { name: 'Onyx' }));
    await user.click(screen.getByRole('button', { name: 'Edit photo 2' }));
    expect(screen.getByRole('button', { name: 'Edit photo 2' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('radio', { name: 'Normal' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Ember' }));
    expect(recipes().a?.filter.name).toBe('onyx');
    expect(recipes().b?.filter.name).toBe('ember');
    await user.click(screen.getByRole('button', { name: 'Previous photo' }));
    expect(screen.getByRole('radio', { name: 'Onyx' })).toBeChecked();
  });

  it('still edits when the browser cannot draw the preview', async () => {
    const fake = fakeEnvironment({ failRenderer: true });
    const user = userEvent.setup();
    render(<Harness photos={[draft('a')]} environment={fake.environment} />);
    expect(await screen.findByText('No preview in this browser')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Onyx' }));
    await act(async () => {});
    expect(recipes().a?.filter.name).toBe('onyx');
  });
});
