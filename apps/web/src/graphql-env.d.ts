/* eslint-disable */
/* prettier-ignore */

export type introspection_types = {
  AddCommentInput: {
    kind: 'INPUT_OBJECT';
    name: 'AddCommentInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'postId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'text';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      { name: 'replyToId'; type: { kind: 'SCALAR'; name: 'ID'; ofType: null }; defaultValue: null },
    ];
  };
  AltTextInput: {
    kind: 'INPUT_OBJECT';
    name: 'AltTextInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'mediaId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'altText';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  AuthPayload: {
    kind: 'OBJECT';
    name: 'AuthPayload';
    fields: {
      expiresAt: {
        name: 'expiresAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      token: {
        name: 'token';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      viewer: {
        name: 'viewer';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Viewer'; ofType: null } };
      };
    };
  };
  Boolean: unknown;
  ChangePasswordInput: {
    kind: 'INPUT_OBJECT';
    name: 'ChangePasswordInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'currentPassword';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'newPassword';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  Comment: {
    kind: 'OBJECT';
    name: 'Comment';
    fields: {
      author: {
        name: 'author';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      createdAt: {
        name: 'createdAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      likeCount: {
        name: 'likeCount';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      parentId: { name: 'parentId'; type: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      post: {
        name: 'post';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      replies: {
        name: 'replies';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'CommentConnection'; ofType: null };
        };
      };
      replyCount: {
        name: 'replyCount';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      text: {
        name: 'text';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      textEntities: {
        name: 'textEntities';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'TextEntity'; ofType: null };
            };
          };
        };
      };
      viewerCanDelete: {
        name: 'viewerCanDelete';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      viewerHasLiked: {
        name: 'viewerHasLiked';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
    };
  };
  CommentConnection: {
    kind: 'OBJECT';
    name: 'CommentConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'CommentEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null } };
      };
    };
  };
  CommentEdge: {
    kind: 'OBJECT';
    name: 'CommentEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      node: {
        name: 'node';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Comment'; ofType: null } };
      };
    };
  };
  CreatePostInput: {
    kind: 'INPUT_OBJECT';
    name: 'CreatePostInput';
    isOneOf: false;
    inputFields: [
      { name: 'caption'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'media';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'INPUT_OBJECT'; name: 'NewPostMediaInput'; ofType: null };
            };
          };
        };
        defaultValue: null;
      },
    ];
  };
  CropInput: {
    kind: 'INPUT_OBJECT';
    name: 'CropInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'x';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'y';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'width';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'height';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Float'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  DateTime: unknown;
  DeletePayload: {
    kind: 'OBJECT';
    name: 'DeletePayload';
    fields: {
      deletedId: {
        name: 'deletedId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
    };
  };
  EditPostInput: {
    kind: 'INPUT_OBJECT';
    name: 'EditPostInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'postId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      { name: 'caption'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      {
        name: 'altTexts';
        type: {
          kind: 'LIST';
          name: never;
          ofType: {
            kind: 'NON_NULL';
            name: never;
            ofType: { kind: 'INPUT_OBJECT'; name: 'AltTextInput'; ofType: null };
          };
        };
        defaultValue: null;
      },
    ];
  };
  Float: unknown;
  FollowState: { name: 'FollowState'; enumValues: 'SELF' | 'NONE' | 'REQUESTED' | 'FOLLOWING' };
  Hashtag: {
    kind: 'OBJECT';
    name: 'Hashtag';
    fields: {
      name: {
        name: 'name';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      postCount: {
        name: 'postCount';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
    };
  };
  ID: unknown;
  Image: {
    kind: 'OBJECT';
    name: 'Image';
    fields: {
      dominantColor: {
        name: 'dominantColor';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      height: {
        name: 'height';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      sources: {
        name: 'sources';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'ImageSource'; ofType: null };
            };
          };
        };
      };
      thumbhash: {
        name: 'thumbhash';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      width: {
        name: 'width';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
    };
  };
  ImageFormat: { name: 'ImageFormat'; enumValues: 'AVIF' | 'WEBP' | 'JPEG' };
  ImageSource: {
    kind: 'OBJECT';
    name: 'ImageSource';
    fields: {
      format: {
        name: 'format';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'ImageFormat'; ofType: null } };
      };
      height: {
        name: 'height';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      url: {
        name: 'url';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      width: {
        name: 'width';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
    };
  };
  Int: unknown;
  LogInInput: {
    kind: 'INPUT_OBJECT';
    name: 'LogInInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'login';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'password';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
    ];
  };
  Mutation: {
    kind: 'OBJECT';
    name: 'Mutation';
    fields: {
      _noop: { name: '_noop'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      addComment: {
        name: 'addComment';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Comment'; ofType: null } };
      };
      approveFollowRequest: {
        name: 'approveFollowRequest';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      archivePost: {
        name: 'archivePost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      block: {
        name: 'block';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      changePassword: {
        name: 'changePassword';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      changeUsername: {
        name: 'changeUsername';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      createPost: {
        name: 'createPost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      declineFollowRequest: {
        name: 'declineFollowRequest';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      deleteComment: {
        name: 'deleteComment';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'DeletePayload'; ofType: null };
        };
      };
      deletePost: {
        name: 'deletePost';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'DeletePayload'; ofType: null };
        };
      };
      editPost: {
        name: 'editPost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      follow: {
        name: 'follow';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      likeComment: {
        name: 'likeComment';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Comment'; ofType: null } };
      };
      likePost: {
        name: 'likePost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      logIn: {
        name: 'logIn';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'AuthPayload'; ofType: null };
        };
      };
      logOut: {
        name: 'logOut';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      logOutEverywhere: {
        name: 'logOutEverywhere';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      removeAvatar: {
        name: 'removeAvatar';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      removeFollower: {
        name: 'removeFollower';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      savePost: {
        name: 'savePost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      setAvatar: {
        name: 'setAvatar';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      setCommentsDisabled: {
        name: 'setCommentsDisabled';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      signUp: {
        name: 'signUp';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'AuthPayload'; ofType: null };
        };
      };
      unarchivePost: {
        name: 'unarchivePost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      unblock: {
        name: 'unblock';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      unfollow: {
        name: 'unfollow';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      unlikeComment: {
        name: 'unlikeComment';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Comment'; ofType: null } };
      };
      unlikePost: {
        name: 'unlikePost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      unsavePost: {
        name: 'unsavePost';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
      updateProfile: {
        name: 'updateProfile';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
    };
  };
  NewPostMediaInput: {
    kind: 'INPUT_OBJECT';
    name: 'NewPostMediaInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'uploadId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      { name: 'altText'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'crop'; type: { kind: 'INPUT_OBJECT'; name: 'CropInput'; ofType: null }; defaultValue: null },
    ];
  };
  Node: {
    kind: 'INTERFACE';
    name: 'Node';
    fields: {
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
    };
    possibleTypes: 'Comment' | 'Post' | 'User';
  };
  PageInfo: {
    kind: 'OBJECT';
    name: 'PageInfo';
    fields: {
      endCursor: { name: 'endCursor'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      hasNextPage: {
        name: 'hasNextPage';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
    };
  };
  Post: {
    kind: 'OBJECT';
    name: 'Post';
    fields: {
      archived: {
        name: 'archived';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      author: {
        name: 'author';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
      caption: {
        name: 'caption';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      captionEntities: {
        name: 'captionEntities';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'TextEntity'; ofType: null };
            };
          };
        };
      };
      commentCount: {
        name: 'commentCount';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      comments: {
        name: 'comments';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'CommentConnection'; ofType: null };
        };
      };
      commentsDisabled: {
        name: 'commentsDisabled';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      createdAt: {
        name: 'createdAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      editedAt: { name: 'editedAt'; type: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      likeCount: {
        name: 'likeCount';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      likePreview: { name: 'likePreview'; type: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      likers: {
        name: 'likers';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'UserConnection'; ofType: null };
        };
      };
      media: {
        name: 'media';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'PostMedia'; ofType: null };
            };
          };
        };
      };
      previewComments: {
        name: 'previewComments';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Comment'; ofType: null };
            };
          };
        };
      };
      status: {
        name: 'status';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'PostStatus'; ofType: null } };
      };
      url: {
        name: 'url';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      viewerCanComment: {
        name: 'viewerCanComment';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      viewerCanDelete: {
        name: 'viewerCanDelete';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      viewerCanEdit: {
        name: 'viewerCanEdit';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      viewerHasLiked: {
        name: 'viewerHasLiked';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      viewerHasSaved: {
        name: 'viewerHasSaved';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
    };
  };
  PostConnection: {
    kind: 'OBJECT';
    name: 'PostConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'PostEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null } };
      };
    };
  };
  PostEdge: {
    kind: 'OBJECT';
    name: 'PostEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      node: {
        name: 'node';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      };
    };
  };
  PostMedia: {
    kind: 'OBJECT';
    name: 'PostMedia';
    fields: {
      altText: {
        name: 'altText';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      image: { name: 'image'; type: { kind: 'OBJECT'; name: 'Image'; ofType: null } };
      status: {
        name: 'status';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'PostStatus'; ofType: null } };
      };
    };
  };
  PostStatus: { name: 'PostStatus'; enumValues: 'PROCESSING' | 'READY' | 'FAILED' };
  Query: {
    kind: 'OBJECT';
    name: 'Query';
    fields: {
      homeFeed: {
        name: 'homeFeed';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PostConnection'; ofType: null };
        };
      };
      node: { name: 'node'; type: { kind: 'INTERFACE'; name: 'Node'; ofType: null } };
      post: { name: 'post'; type: { kind: 'OBJECT'; name: 'Post'; ofType: null } };
      searchAccounts: {
        name: 'searchAccounts';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
          };
        };
      };
      searchHashtags: {
        name: 'searchHashtags';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'Hashtag'; ofType: null };
            };
          };
        };
      };
      suggestedAccounts: {
        name: 'suggestedAccounts';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
          };
        };
      };
      user: { name: 'user'; type: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      viewer: { name: 'viewer'; type: { kind: 'OBJECT'; name: 'Viewer'; ofType: null } };
    };
  };
  SetAvatarInput: {
    kind: 'INPUT_OBJECT';
    name: 'SetAvatarInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'uploadId';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
        defaultValue: null;
      },
      { name: 'crop'; type: { kind: 'INPUT_OBJECT'; name: 'CropInput'; ofType: null }; defaultValue: null },
    ];
  };
  SignUpInput: {
    kind: 'INPUT_OBJECT';
    name: 'SignUpInput';
    isOneOf: false;
    inputFields: [
      {
        name: 'username';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'email';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      {
        name: 'password';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
        defaultValue: null;
      },
      { name: 'displayName'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
    ];
  };
  String: unknown;
  TextEntity: {
    kind: 'OBJECT';
    name: 'TextEntity';
    fields: {
      end: {
        name: 'end';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      kind: {
        name: 'kind';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'ENUM'; name: 'TextEntityKind'; ofType: null };
        };
      };
      start: {
        name: 'start';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      value: {
        name: 'value';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
    };
  };
  TextEntityKind: { name: 'TextEntityKind'; enumValues: 'HASHTAG' | 'MENTION' | 'URL' };
  UpdateProfileInput: {
    kind: 'INPUT_OBJECT';
    name: 'UpdateProfileInput';
    isOneOf: false;
    inputFields: [
      { name: 'displayName'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'bio'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'website'; type: { kind: 'SCALAR'; name: 'String'; ofType: null }; defaultValue: null },
      { name: 'isPrivate'; type: { kind: 'SCALAR'; name: 'Boolean'; ofType: null }; defaultValue: null },
    ];
  };
  User: {
    kind: 'OBJECT';
    name: 'User';
    fields: {
      avatar: { name: 'avatar'; type: { kind: 'OBJECT'; name: 'Image'; ofType: null } };
      bio: {
        name: 'bio';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      bioEntities: {
        name: 'bioEntities';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'TextEntity'; ofType: null };
            };
          };
        };
      };
      createdAt: {
        name: 'createdAt';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'DateTime'; ofType: null } };
      };
      displayName: {
        name: 'displayName';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      followerCount: {
        name: 'followerCount';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      followers: {
        name: 'followers';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'UserConnection'; ofType: null };
        };
      };
      following: {
        name: 'following';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'UserConnection'; ofType: null };
        };
      };
      followingCount: {
        name: 'followingCount';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      followsViewer: {
        name: 'followsViewer';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      id: {
        name: 'id';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'ID'; ofType: null } };
      };
      isPrivate: {
        name: 'isPrivate';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      isVerified: {
        name: 'isVerified';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      postCount: {
        name: 'postCount';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Int'; ofType: null } };
      };
      posts: {
        name: 'posts';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PostConnection'; ofType: null };
        };
      };
      username: {
        name: 'username';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      viewerBlocks: {
        name: 'viewerBlocks';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      viewerCanSeeContent: {
        name: 'viewerCanSeeContent';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      viewerFollowState: {
        name: 'viewerFollowState';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'ENUM'; name: 'FollowState'; ofType: null } };
      };
      viewerFollows: {
        name: 'viewerFollows';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'Boolean'; ofType: null } };
      };
      website: { name: 'website'; type: { kind: 'SCALAR'; name: 'String'; ofType: null } };
    };
  };
  UserConnection: {
    kind: 'OBJECT';
    name: 'UserConnection';
    fields: {
      edges: {
        name: 'edges';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: {
            kind: 'LIST';
            name: never;
            ofType: {
              kind: 'NON_NULL';
              name: never;
              ofType: { kind: 'OBJECT'; name: 'UserEdge'; ofType: null };
            };
          };
        };
      };
      pageInfo: {
        name: 'pageInfo';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'PageInfo'; ofType: null } };
      };
    };
  };
  UserEdge: {
    kind: 'OBJECT';
    name: 'UserEdge';
    fields: {
      cursor: {
        name: 'cursor';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      node: {
        name: 'node';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
    };
  };
  Viewer: {
    kind: 'OBJECT';
    name: 'Viewer';
    fields: {
      archivedPosts: {
        name: 'archivedPosts';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PostConnection'; ofType: null };
        };
      };
      email: {
        name: 'email';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'SCALAR'; name: 'String'; ofType: null } };
      };
      followRequests: {
        name: 'followRequests';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'UserConnection'; ofType: null };
        };
      };
      savedPosts: {
        name: 'savedPosts';
        type: {
          kind: 'NON_NULL';
          name: never;
          ofType: { kind: 'OBJECT'; name: 'PostConnection'; ofType: null };
        };
      };
      user: {
        name: 'user';
        type: { kind: 'NON_NULL'; name: never; ofType: { kind: 'OBJECT'; name: 'User'; ofType: null } };
      };
    };
  };
};

/** An IntrospectionQuery representation of your schema.
 *
 * @remarks
 * This is an introspection of your schema saved as a file by GraphQLSP.
 * It will automatically be used by `gql.tada` to infer the types of your GraphQL documents.
 * If you need to reuse this data or update your `scalars`, update `tadaOutputLocation` to
 * instead save to a .ts instead of a .d.ts file.
 */
export type introspection = {
  name: never;
  query: 'Query';
  mutation: 'Mutation';
  subscription: never;
  types: introspection_types;
};

import * as gqlTada from 'gql.tada';

declare module 'gql.tada' {
  interface setupSchema {
    introspection: introspection;
  }
}
