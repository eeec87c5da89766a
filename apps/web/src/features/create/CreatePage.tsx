/** Placeholder until this screen is built. */
export default function CreatePage(_props: Record<string, unknown>) {
  return <p>CreatePage</p>;
}
