/** Placeholder until this screen is built. */
export default function HomePage(_props: Record<string, unknown>) {
  return <p>HomePage</p>;
}
