import Link from "@/components/intent-link";
import { CHECKOUT_NOT_FOUND } from "@/lib/sandbox-pages/checkout-page";

export default function CheckoutNotFound() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-2xl font-bold text-zinc-900 dark:text-white">Checkout not found</h1>
      <p
        role="alert"
        className="mt-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        {CHECKOUT_NOT_FOUND}
      </p>
      <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
        Start a new checkout from your app.{" "}
        <Link href="/sandbox" className="text-blue-700 underline dark:text-blue-400">
          About the sandbox
        </Link>
      </p>
    </main>
  );
}
