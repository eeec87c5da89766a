import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { PageSkeleton } from './components/Skeleton';
import { Shell } from './layout/Shell';
import { useViewer } from './lib/viewer';

// Every screen is its own chunk: the first load carries only the shell and the screen it opens.
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const SignupPage = lazy(() => import('./features/auth/SignupPage'));
const PasswordResetRequestPage = lazy(() => import('./features/auth/PasswordResetRequestPage'));
const ResetPasswordPage = lazy(() => import('./features/auth/ResetPasswordPage'));
const VerifyEmailPage = lazy(() => import('./features/auth/VerifyEmailPage'));
const HomePage = lazy(() => import('./features/feed/HomePage'));
const PostPage = lazy(() => import('./features/post/PostPage'));
const EditPhotosPage = lazy(() => import('./features/edit/EditPhotosPage'));
const CreatePage = lazy(() => import('./features/create/CreatePage'));
const ProfilePage = lazy(() => import('./features/profile/ProfilePage'));
const EditProfilePage = lazy(() => import('./features/profile/EditProfilePage'));
const RequestsPage = lazy(() => import('./features/profile/RequestsPage'));
const SecurityPage = lazy(() => import('./features/settings/SecurityPage'));
const HiddenWordsPage = lazy(() => import('./features/settings/HiddenWordsPage'));
const AccountStatusPage = lazy(() => import('./features/settings/AccountStatusPage'));
const ActivityPage = lazy(() => import('./features/notifications/ActivityPage'));
const NotificationSettingsPage = lazy(() => import('./features/notifications/NotificationSettingsPage'));
const ExplorePage = lazy(() => import('./features/explore/ExplorePage'));
const SimilarPostsPage = lazy(() => import('./features/explore/SimilarPostsPage'));
const SearchPage = lazy(() => import('./features/search/SearchPage'));
const HashtagPage = lazy(() => import('./features/hashtag/HashtagPage'));
const ModerationPage = lazy(() => import('./features/moderation/ModerationPage'));
const NotFoundPage = lazy(() => import('./features/NotFoundPage'));
const StoryViewerPage = lazy(() => import('./features/stories/StoryViewerPage'));
const StoryComposerPage = lazy(() => import('./features/stories/compose/StoryComposerPage'));
const StoryArchivePage = lazy(() => import('./features/stories/highlights/StoryArchivePage'));
const CloseFriendsPage = lazy(() => import('./features/stories/highlights/CloseFriendsPage'));

/** Screens that need a session send a logged-out visitor to the log-in page. */
function RequireViewer({ children }: { children: React.ReactNode }) {
  const { viewer, loading } = useViewer();
  if (loading) return <PageSkeleton />;
  if (!viewer) return <Redirect to="/accounts/login" />;
  return <>{children}</>;
}

export function App() {
  const { viewer, loading } = useViewer();
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Switch>
        <Route path="/accounts/login">{!loading && viewer ? <Redirect to="/" /> : <LoginPage />}</Route>
        <Route path="/accounts/signup">{!loading && viewer ? <Redirect to="/" /> : <SignupPage />}</Route>
        {/* Emailed links: open with a session or without (they pick the shell or the log-in look). */}
        <Route path="/accounts/password/reset">
          <PasswordResetRequestPage />
        </Route>
        <Route path="/accounts/password/reset/:token">
          {(params) => <ResetPasswordPage key={params.token} token={params.token} />}
        </Route>
        <Route path="/accounts/email/verify/:token">
          {(params) => <VerifyEmailPage key={params.token} token={params.token} />}
        </Route>
        {/* The story viewer is full screen, outside the shell; /stories/create and the like are not accounts. */}
        <Route
          path={
            /^\/stories\/(?!(?:create|archive|highlights)(?:\/|$))(?<username>[^/]+)(?:\/(?<storyId>[^/]+))?\/?$/
          }
        >
          {(params) => (
            <RequireViewer>
              <StoryViewerPage username={params.username ?? ''} storyId={params.storyId ?? null} />
            </RequireViewer>
          )}
        </Route>
        <Route>
          <Shell>
            <Suspense fallback={<PageSkeleton />}>
              <Switch>
                <Route path="/">
                  <RequireViewer>
                    <HomePage />
                  </RequireViewer>
                </Route>
                <Route path="/create">
                  <RequireViewer>
                    <CreatePage />
                  </RequireViewer>
                </Route>
                <Route path="/stories/create">
                  <RequireViewer>
                    <StoryComposerPage />
                  </RequireViewer>
                </Route>
                <Route path="/archive/stories">
                  <RequireViewer>
                    <StoryArchivePage />
                  </RequireViewer>
                </Route>
                <Route path="/accounts/close-friends">
                  <RequireViewer>
                    <CloseFriendsPage />
                  </RequireViewer>
                </Route>
                <Route path="/accounts/edit">
                  <RequireViewer>
                    <EditProfilePage />
                  </RequireViewer>
                </Route>
                <Route path="/accounts/requests">
                  <RequireViewer>
                    <RequestsPage />
                  </RequireViewer>
                </Route>
                <Route path="/accounts/security">
                  <RequireViewer>
                    <SecurityPage />
                  </RequireViewer>
                </Route>
                <Route path="/accounts/status">
                  <RequireViewer>
                    <AccountStatusPage />
                  </RequireViewer>
                </Route>
                <Route path="/accounts/hidden-words">
                  <RequireViewer>
                    <HiddenWordsPage />
                  </RequireViewer>
                </Route>
                <Route path="/activity">
                  <RequireViewer>
                    <ActivityPage />
                  </RequireViewer>
                </Route>
                <Route path="/accounts/notifications">
                  <RequireViewer>
                    <NotificationSettingsPage />
                  </RequireViewer>
                </Route>
                <Route path="/admin/moderation/:tab?">
                  {(params) => (
                    <RequireViewer>
                      <ModerationPage tab={params.tab ?? null} />
                    </RequireViewer>
                  )}
                </Route>
                <Route path="/explore/search">
                  <RequireViewer>
                    <SearchPage />
                  </RequireViewer>
                </Route>
                <Route path="/explore/tags/:name">
                  {(params) => <HashtagPage key={params.name} name={params.name} />}
                </Route>
                <Route path="/explore">
                  <RequireViewer>
                    <ExplorePage />
                  </RequireViewer>
                </Route>
                <Route path="/explore/p/:id">
                  {(params) => (
                    <RequireViewer>
                      <SimilarPostsPage key={params.id} postId={params.id} />
                    </RequireViewer>
                  )}
                </Route>
                <Route path="/p/:id/edit-photos">
                  {(params) => (
                    <RequireViewer>
                      <EditPhotosPage key={params.id} postId={params.id} />
                    </RequireViewer>
                  )}
                </Route>
                <Route path="/p/:id">{(params) => <PostPage id={params.id} />}</Route>
                <Route path="/:username/:tab?">
                  {(params) => <ProfilePage username={params.username} tab={params.tab ?? null} />}
                </Route>
                <Route>
                  <NotFoundPage />
                </Route>
              </Switch>
            </Suspense>
          </Shell>
        </Route>
      </Switch>
    </Suspense>
  );
}
