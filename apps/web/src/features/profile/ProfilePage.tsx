/** Placeholder until this screen is built. */
export default function ProfilePage(_props: Record<string, unknown>) {
  return <p>ProfilePage</p>;
}
