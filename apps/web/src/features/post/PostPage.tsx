/** Placeholder until this screen is built. */
export default function PostPage(_props: Record<string, unknown>) {
  return <p>PostPage</p>;
}
