import { IDENTITY_RECIPE } from '@glimpse/edit';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import EditPhotosPage from './EditPhotosPage';
import { EditorEnvironmentProvider } from './environment';
import { fakeEnvironment, LAID_OUT } from './fakeEnvironment';

const onyx = {
  ...IDENTITY_RECIPE,
  geometry: { rotate: 0, straighten: 0, crop: { x: 0.1, y: 0, width: 0.8, height: 1 } },
  filter: { name: 'onyx', intensity: 0.85 },
};

const media = (id: string, recipe: unknown) => ({
  __typename: 'PostMedia',
  id,
  altText: '',
  editPending: false,
  recipe,
  original: { __typename: 'OriginalImage', url: `/originals/${id}.jpg`, width: 1000, height: 800 },
  image: {
    __typename: 'Image',
    width: 800,
    height: 800,
    thumbhash: '',
    dominantColor: null,
    sources: [{ __typename: 'ImageSource', url: `/media/${id}-320.jpg`, width: 320, format: 'JPEG' }],
  },
});

function renderPage({ refuse = false } = {}) {
  const server = scriptedServer(
    (name) => {
      switch (name) {
        case 'EditPhotos':
          return {
            data: {
              post: {
                __typename: 'Post',
                id: 'p1',
                viewerCanEdit: true,
                author: { __typename: 'User', id: 'u1', username: 'eve' },
                media: [media('m1', onyx), media('m2', null)],
              },
            },
          };
        case 'EditPostMedia':
          if (refuse) {
            return {
              error: new CombinedError({
                graphQLErrors: [
                  {
                    message: 'Invalid input',
                    extensions: {
                      code: 'BAD_USER_INPUT',
                      fieldErrors: [{ field: 'media.0.recipe.adjust.brightness', message: 'Too bright.' }],
                    },
                  },
                ],
              }),
            };
          }
          return {
            data: {
              editPostMedia: {
                __typename: 'Post',
                id: 'p1',
                media: [{ ...media('m1', onyx), editPending: true }, media('m2', null)],
              },
            },
          };
        default:
          return 'pending';
      }
    },
    { delayMs: 1 },
  );
  const client = graphcacheClient(server.exchange, [], {
    keys: { Image: () => null, ImageSource: () => null, OriginalImage: () => null },
  });
  const fake = fakeEnvironment();
  render(
    <Provider value={client}>
      <EditorEnvironmentProvider value={fake.environment}>
        <EditPhotosPage postId="p1" />
      </EditorEnvironmentProvider>
    </Provider>,
  );
  return { server, fake };
}

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(LAID_OUT);
  window.history.replaceState(null, '', '/p/p1/edit-photos');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('EditPhotosPage', () => {
  it('opens each photo’s original with its saved recipe and saves only the photos that changed', async () => {
    const { server, fake } = renderPage();
    const filters = await screen.findByRole('group', { name: 'Filters' });
    expect(within(filters).getByRole('radio', { name: 'Onyx' })).toBeChecked();
    expect(screen.getByRole('slider', { name: 'Onyx intensity' })).toHaveAttribute('aria-valuetext', '85');
    await waitFor(() => expect(fake.loaded).toContain('/originals/m1.jpg'));
    await waitFor(() => expect(fake.last()?.filter).toEqual({ name: 'onyx', intensity: 0.85 }));

    // A photo without a recipe starts from the identity.
    await userEvent.click(screen.getByRole('button', { name: 'Edit photo 2' }));
    expect(
      within(screen.getByRole('group', { name: 'Filters' })).getByRole('radio', { name: 'Normal' }),
    ).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Edit photo 1' }));
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Filters' })).getByRole('radio', { name: 'Punch' }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(server.sent('EditPostMedia')).toHaveLength(1));
    expect(server.sent('EditPostMedia')[0]).toEqual({
      postId: 'p1',
      media: [{ mediaId: 'm1', recipe: { ...onyx, filter: { name: 'punch', intensity: 1 } } }],
    });
    await waitFor(() => expect(window.location.pathname).toBe('/p/p1'));
  });

  it('shows the API’s refusal on the photo it concerns and stays', async () => {
    renderPage({ refuse: true });
    const filters = await screen.findByRole('group', { name: 'Filters' });
    await userEvent.click(within(filters).getByRole('radio', { name: 'Ember' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too bright.');
    expect(window.location.pathname).toBe('/p/p1/edit-photos');
  });

  it('asks before discarding unsaved edits', async () => {
    renderPage();
    const filters = await screen.findByRole('group', { name: 'Filters' });
    await userEvent.click(within(filters).getByRole('radio', { name: 'Ember' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('dialog', { name: 'Discard edits?' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(window.location.pathname).toBe('/p/p1/edit-photos');
  });
});
