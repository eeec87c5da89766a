/** Placeholder until this screen is built. */
export default function RequestsPage(_props: Record<string, unknown>) {
  return <p>RequestsPage</p>;
}
