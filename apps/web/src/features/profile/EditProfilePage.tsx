/** Placeholder until this screen is built. */
export default function EditProfilePage(_props: Record<string, unknown>) {
  return <p>EditProfilePage</p>;
}
