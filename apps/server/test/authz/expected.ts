import { parseTable } from './table';

/**
 * The authorization matrix: for each GraphQL root field and REST route (several rows when one surface is
 * called several ways: `name[case]`), the expected outcome for each viewer against the private account's
 * content (left of |) and the public account's (right). Outcomes are defined in table.ts. `same` repeats
 * the left half. The owner is the private account on the left and the public one on the right; the
 * requester has a pending request to the private account and no tie to the public one (a public account
 * has no requests); the blocked user followed both before both blocked it.
 */
export const EXPECTED = parseTable(`
# row                                 owner     follower  stranger  requester blocked   anonymous | owner     follower  stranger  requester blocked   anonymous

# Reads. The profile header (name, counts) is public as on Instagram; content follows the privacy rule.
Query.viewer                          self      self      self      self      self      hidden    | same
Query.node[post]                      ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.node[comment]                   ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.node[account]                   ok        ok        ok        ok        hidden    ok        | same
Query.user[header]                    ok        ok        ok        ok        hidden    ok        | same
Query.user[content]                   ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.post                            ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.post[archived]                  ok        hidden    hidden    hidden    hidden    hidden    | same
Query.searchAccounts                  ok        ok        ok        ok        hidden    ok        | same
# Hashtag search is global: a tag only a private account's posts use must not be findable (Instagram
# counts public posts only), or the private caption leaks one word at a time.
Query.searchHashtags                  hidden    hidden    hidden    hidden    hidden    hidden    | ok        ok        ok        ok        ok        ok
Query.suggestedAccounts               self      self      self      self      self      unauth    | same
# The search box: accounts and hashtags as their own search fields; posts by caption follow the post's
# rule. Recent searches are the caller's own; removing the owner's entry works for the owner alone.
Query.search[accounts]                ok        ok        ok        ok        hidden    ok        | same
Query.search[hashtags]                hidden    hidden    hidden    hidden    hidden    hidden    | ok        ok        ok        ok        ok        ok
Query.search[posts]                   ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.recentSearches                  self      self      self      self      self      unauth    | same
Mutation.addRecentSearch              ok        ok        ok        ok        hidden    unauth    | same
Mutation.removeRecentSearch           ok        hidden    hidden    hidden    hidden    unauth    | same
Mutation.clearRecentSearches          self      self      self      self      self      unauth    | same
Query.accountSuggestions              self      self      self      self      self      unauth    | same
# Explore shows only accounts the viewer does not follow (never its own); a tapped tile opens like the post.
Query.explore                         hidden    hidden    hidden    hidden    hidden    unauth    | hidden    hidden    ok        ok        hidden    unauth
Query.similarPosts                    ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Query.homeFeed                        ok        ok        hidden    hidden    hidden    unauth    | ok        ok        hidden    hidden    hidden    unauth
Query.homeFeed[chronological]         ok        ok        hidden    hidden    hidden    unauth    | ok        ok        hidden    hidden    hidden    unauth
Query.favoritesFeed                   hidden    ok        hidden    hidden    hidden    unauth    | same

# A hashtag page exists for a viewer only through a post the viewer may see (the private account's tag is
# its owner's and followers'; to a blocked user the blocker's tag does not exist). Trending counts public
# posts only and, like hashtag search, names the tag to everyone (its posts still follow the rules).
# Following a tag needs a visible tag; unfollowing touches only the caller's own list.
Query.hashtag                         ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.trendingHashtags                hidden    hidden    hidden    hidden    hidden    hidden    | ok        ok        ok        ok        ok        ok
Mutation.followHashtag                ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.unfollowHashtag              self      self      self      self      self      unauth    | same

# Stories follow the account's privacy, for 24 hours; a close friends story is for the owner and its
# list alone (the follower is on both owners' lists); an expired story is its owner's (in the archive),
# and shows to others only through a highlight, which follows the account's privacy. The tray holds
# followed accounts only. The viewer's archive, close friends and activity are its own.
Query.storyTray                       ok        ok        hidden    hidden    hidden    unauth    | ok        ok        hidden    hidden    hidden    unauth
Query.story                           ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.story[close friends]            ok        ok        hidden    hidden    hidden    hidden    | same
Query.story[expired]                  ok        hidden    hidden    hidden    hidden    hidden    | same
Query.user[stories]                   ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.user[highlights]                ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
Query.viewer[stories]                 self      self      self      self      self      hidden    | same

# The caller's own account: signing up, in and out, and the profile. logIn is tried with the owner's
# username and a wrong password: the same refusal for everyone.
Mutation._noop                        public    public    public    public    public    public    | same
Mutation.signUp                       self      self      self      self      self      self      | same
Mutation.logIn                        rejected  rejected  rejected  rejected  rejected  rejected  | same
Mutation.logOut                       self      self      self      self      self      self      | same
Mutation.logOutEverywhere             self      self      self      self      self      unauth    | same
Mutation.updateProfile                self      self      self      self      self      unauth    | same
Mutation.changeUsername               self      self      self      self      self      unauth    | same
Mutation.changePassword               self      self      self      self      self      unauth    | same
Mutation.removeAvatar                 self      self      self      self      self      unauth    | same
# Uploads are the uploader's: someone else's upload ID answers like one that never existed.
Mutation.setAvatar                    ok        hidden    hidden    hidden    hidden    unauth    | same
Mutation.createPost                   ok        hidden    hidden    hidden    hidden    unauth    | same

# The owner's posts (a throwaway post per cell). Someone who cannot see the post must not learn it
# exists, so the answer is NOT_FOUND for them and FORBIDDEN only for those who can see it.
Mutation.editPost                     ok        forbidden hidden    hidden    hidden    unauth    | ok        forbidden forbidden forbidden hidden    unauth
Mutation.archivePost                  ok        forbidden hidden    hidden    hidden    unauth    | ok        forbidden forbidden forbidden hidden    unauth
Mutation.deletePost                   ok        forbidden hidden    hidden    hidden    unauth    | ok        forbidden forbidden forbidden hidden    unauth
Mutation.setCommentsDisabled          ok        forbidden hidden    hidden    hidden    unauth    | ok        forbidden forbidden forbidden hidden    unauth
Mutation.editPostMedia                ok        forbidden hidden    hidden    hidden    unauth    | ok        forbidden forbidden forbidden hidden    unauth
# An archived post is the owner's alone.
Mutation.unarchivePost                ok        hidden    hidden    hidden    hidden    unauth    | same

# Likes, saves and comments on the owner's post and comment.
Mutation.likePost                     ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.unlikePost                   ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.savePost                     ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.unsavePost                   ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.addComment                   ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.addComment[comments off]     forbidden forbidden hidden    hidden    hidden    unauth    | forbidden forbidden forbidden forbidden hidden    unauth
# A throwaway comment the follower wrote on the owner's post: its author and the post's owner may delete it.
Mutation.deleteComment                ok        ok        hidden    hidden    hidden    unauth    | ok        ok        forbidden forbidden hidden    unauth
Mutation.likeComment                  ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.unlikeComment                ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.markPostsSeen                self      self      self      self      self      unauth    | same
Mutation.recordProfileVisit           self      self      self      self      hidden    unauth    | same
Mutation.dismissSuggestion            rejected  self      self      self      hidden    unauth    | same

# Stories. Like posts: someone who cannot see a story gets NOT_FOUND, FORBIDDEN only those who can see it
# (deleteStory). Responses (poll, slider, question, reaction, reply) need the live story visible; an
# expired one takes none, not even from its owner; the owner can't answer their own (refused). Highlights answer NOT_FOUND to anyone but their owner,
# and someone else's story offered for a highlight is refused as one that does not exist.
Mutation.createStory                  ok        hidden    hidden    hidden    hidden    unauth    | same
Mutation.deleteStory                  ok        forbidden hidden    hidden    hidden    unauth    | ok        forbidden forbidden forbidden hidden    unauth
Mutation.markStoriesSeen              ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Mutation.voteInStoryPoll              rejected  ok        hidden    hidden    hidden    unauth    | rejected  ok        ok        ok        hidden    unauth
Mutation.slideStorySlider             rejected  ok        hidden    hidden    hidden    unauth    | rejected  ok        ok        ok        hidden    unauth
Mutation.answerStoryQuestion          rejected  ok        hidden    hidden    hidden    unauth    | rejected  ok        ok        ok        hidden    unauth
Mutation.reactToStory                 rejected  ok        hidden    hidden    hidden    unauth    | rejected  ok        ok        ok        hidden    unauth
Mutation.reactToStory[expired]        hidden    hidden    hidden    hidden    hidden    unauth    | same
Mutation.replyToStory                 rejected  ok        hidden    hidden    hidden    unauth    | rejected  ok        ok        ok        hidden    unauth
Mutation.replyToStory[close friends]  rejected  ok        hidden    hidden    hidden    unauth    | same
# Close friends lists are the caller's own (adding yourself: refused).
Mutation.addCloseFriend               rejected  self      self      self      hidden    unauth    | same
Mutation.removeCloseFriend            self      self      self      self      hidden    unauth    | same
Mutation.createHighlight              ok        hidden    hidden    hidden    hidden    unauth    | same
Mutation.updateHighlight              ok        hidden    hidden    hidden    hidden    unauth    | same
Mutation.deleteHighlight              ok        hidden    hidden    hidden    hidden    unauth    | same

# Notifications are the caller's own. [upTo] names the owner's latest entry: for anyone else it is refused
# as an entry that does not exist.
Mutation.markNotificationsRead        self      self      self      self      self      unauth    | same
Mutation.markNotificationsRead[upTo]  self      hidden    hidden    hidden    hidden    unauth    | same
Mutation.updateNotificationPreferences self     self      self      self      self      unauth    | same

# Subscriptions, over WebSocket: the caller's own activity, and a story's activity for those who may see it.
Subscription.notificationReceived     self      self      self      self      self      unauth    | same
Subscription.unreadNotificationCount  self      self      self      self      self      unauth    | same
Subscription.storyActivity            ok        ok        hidden    hidden    hidden    unauth    | ok        ok        ok        ok        hidden    unauth
Subscription.storyActivity[close friends] ok    ok        hidden    hidden    hidden    unauth    | same

# The graph, with the owner as the other side. Following a private account as a stranger is allowed:
# it makes a request and shows nothing. approve/decline name the requester, removeFollower the follower:
# only the owner has such a request or follower to act on.
Mutation.follow                       rejected  ok        ok        ok        hidden    unauth    | same
Mutation.unfollow                     ok        ok        ok        ok        hidden    unauth    | same
Mutation.approveFollowRequest         ok        hidden    hidden    hidden    hidden    unauth    | hidden    hidden    hidden    hidden    hidden    unauth
Mutation.declineFollowRequest         ok        hidden    hidden    hidden    hidden    unauth    | hidden    hidden    hidden    hidden    hidden    unauth
Mutation.removeFollower               ok        self      self      self      self      unauth    | same
Mutation.block                        rejected  ok        ok        ok        hidden    unauth    | same
Mutation.unblock                      ok        ok        ok        ok        hidden    unauth    | same
Mutation.addFavorite                  rejected  self      forbidden forbidden hidden    unauth    | same
Mutation.removeFavorite               self      self      self      self      hidden    unauth    | same

# Moderation: none of the six is a moderator. Reporting needs the reported post to be visible (and not one's own).
# appealSuspension is tried with the owner's username and a wrong password: refused alike, as a failed sign-in.
Query.moderationQueue                 forbidden forbidden forbidden forbidden forbidden unauth    | same
Query.moderationLog                   forbidden forbidden forbidden forbidden forbidden unauth    | same
Query.openAppeals                     forbidden forbidden forbidden forbidden forbidden unauth    | same
Mutation.moderate                     forbidden forbidden forbidden forbidden forbidden unauth    | same
Mutation.decideAppeal                 forbidden forbidden forbidden forbidden forbidden unauth    | same
Mutation.report                       rejected  ok        hidden    hidden    hidden    unauth    | rejected  ok        ok        ok        hidden    unauth
Mutation.appeal                       hidden    hidden    hidden    hidden    hidden    unauth    | same
Mutation.appealSuspension             unauth    unauth    unauth    unauth    unauth    unauth    | same

# Two-factor settings: the caller's own, behind the password (none of these turns 2FA on). A forged
# log-in challenge is refused before anything is looked up.
Mutation.beginTwoFactorSetup          self      self      self      self      self      unauth    | same
Mutation.confirmTwoFactorSetup        rejected  rejected  rejected  rejected  rejected  unauth    | same
Mutation.disableTwoFactor             self      self      self      self      self      unauth    | same
Mutation.regenerateRecoveryCodes      rejected  rejected  rejected  rejected  rejected  unauth    | same
Mutation.completeTwoFactorLogIn       unauth    unauth    unauth    unauth    unauth    unauth    | same
Mutation.requestPasswordReset         public    public    public    public    public    public    | same
Mutation.resetPassword                rejected  rejected  rejected  rejected  rejected  rejected  | same
Mutation.verifyEmail                  rejected  rejected  rejected  rejected  rejected  rejected  | same
Mutation.resendVerificationEmail      self      self      self      self      self      unauth    | same
Mutation.changeEmail                  self      self      self      self      self      unauth    | same
Mutation.beginPasskeyRegistration     self      self      self      self      self      unauth    | same
Mutation.finishPasskeyRegistration    rejected  rejected  rejected  rejected  rejected  unauth    | same
Mutation.removePasskey                hidden    hidden    hidden    hidden    hidden    unauth    | same
Mutation.beginPasskeyLogIn            public    public    public    public    public    public    | same
Mutation.finishPasskeyLogIn           unauth    unauth    unauth    unauth    unauth    unauth    | same
Mutation.revokeSession                hidden    hidden    hidden    hidden    hidden    unauth    | same

# Restrict and mute: the caller's own relation to the owner (yourself: refused; unrestricting yourself
# is a no-op). Settings are the caller's own. The owner's comment is not held: approving it finds nothing.
Mutation.restrict                     rejected  self      self      self      hidden    unauth    | rejected  self      self      self      hidden    unauth
Mutation.unrestrict                   self      self      self      self      hidden    unauth    | same
Mutation.mute                         rejected  self      self      self      hidden    unauth    | rejected  self      self      self      hidden    unauth
Mutation.setHiddenWords               self      self      self      self      self      unauth    | same
Mutation.limitInteractions            self      self      self      self      self      unauth    | same
Mutation.approveComment               hidden    hidden    hidden    hidden    hidden    unauth    | same

# REST. /graphql runs the post query (GET and POST); /media serves photos by the post's visibility, story
# photos by the story's (a highlight's by the highlight's), and avatars to anyone (like the profile
# header; their keys are unguessable).
POST /graphql                         ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
GET /graphql                          ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
GET /media/*                          ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
GET /media/*[archived]                ok        hidden    hidden    hidden    hidden    hidden    | same
GET /media/*[story]                   ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
GET /media/*[close friends story]     ok        ok        hidden    hidden    hidden    hidden    | same
GET /media/*[highlight story]         ok        ok        hidden    hidden    hidden    hidden    | ok        ok        ok        ok        hidden    ok
GET /media/*[avatar]                  public    public    public    public    public    public    | same
# A photo's unedited original (for re-editing) is its author's alone, whoever may see the post.
GET /media/*[original]                ok        hidden    hidden    hidden    hidden    hidden    | same
POST /uploads                         self      self      self      self      self      unauth    | same
GET /healthz                          public    public    public    public    public    public    | same
GET /captcha                          public    public    public    public    public    public    | same
GET /readyz                           public    public    public    public    public    public    | same
GET /metrics                          public    public    public    public    public    public    | same
GET /graphiql                         public    public    public    public    public    public    | same
GET /graphiql/main.js                 public    public    public    public    public    public    | same
GET /graphiql/sw.js                   public    public    public    public    public    public    | same
GET /graphiql/config.js               public    public    public    public    public    public    | same
# The web app: its shell, also for a client route naming the private post, carries no account data.
GET /                                 public    public    public    public    public    public    | same
GET /index.html                       public    public    public    public    public    public    | same
GET /*                                public    public    public    public    public    public    | same
`);
