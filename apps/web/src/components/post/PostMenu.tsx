import { useState } from 'react';
import { useLocation } from 'wouter';
import { Dialog } from '../Dialog';
import { ReportDialog } from '../report/ReportDialog';
import { copyLink } from './PostActions';
import { MoreIcon } from './PostIcon';
import styles from './PostMenu.module.css';

/**
 * The "…" on a post for everyone but its owner's edit options: Report (not on your own post), Go to
 * post (from a feed), Copy link, Cancel.
 */
export function PostMenu({
  postId,
  canReport,
  onPostPage = false,
}: {
  postId: string;
  canReport: boolean;
  onPostPage?: boolean;
}) {
  const [step, setStep] = useState<'closed' | 'menu' | 'report'>('closed');
  const [, navigate] = useLocation();
  const close = () => setStep('closed');

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="More options"
        aria-haspopup="dialog"
        onClick={() => setStep('menu')}
      >
        <MoreIcon />
      </button>
      {step === 'menu' && (
        <Dialog title="Post options" onClose={close}>
          <div className={styles.menu}>
            {canReport && (
              <button type="button" className={styles.danger} onClick={() => setStep('report')}>
                Report
              </button>
            )}
            {!onPostPage && (
              <button type="button" onClick={() => navigate(`/p/${postId}`)}>
                Go to post
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                close();
                void copyLink(new URL(`/p/${postId}`, window.location.origin).href);
              }}
            >
              Copy link
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
      {step === 'report' && <ReportDialog subject="POST" id={postId} onClose={close} />}
    </>
  );
}
