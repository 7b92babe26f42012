import Link from "@/components/intent-link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-24 text-center">
      <h1 className="text-3xl font-bold text-zinc-900 dark:text-white">Page not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">That page does not exist.</p>
      <Link href="/reference" className="mt-6 inline-block text-blue-700 underline dark:text-blue-400">
        Go to the API reference
      </Link>
    </main>
  );
}
