import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readCheckout } from "@/lib/sandbox-pages/checkout-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checkout (sandbox)", robots: { index: false } };

/** The sandbox's stand-in for Stripe Checkout: pay (no card, nothing charged) or cancel. */
export default async function CheckoutPage({ params }: { params: Promise<{ session: string }> }) {
  const { session } = await params;
  const checkout = await readCheckout(session);
  if (!checkout) notFound();
  const action = `/sandbox/checkout/${encodeURIComponent(checkout.sessionId)}/complete`;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{checkout.tenantName} · sandbox checkout</p>
      <h1 className="mt-1 text-2xl font-bold text-zinc-900 dark:text-white">Subscribe to {checkout.planName}</h1>
      <p className="mt-2 text-3xl font-semibold text-zinc-900 dark:text-white">
        {checkout.price}{" "}
        <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">
          per {checkout.billingCycle === "yearly" ? "year" : "month"}
        </span>
      </p>
      {checkout.planDescription && (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{checkout.planDescription}</p>
      )}
      <ul className="mt-4 list-disc pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        {checkout.features.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-zinc-500 dark:text-zinc-400">Organization</dt>
        <dd className="text-zinc-900 dark:text-white">{checkout.organizationName ?? "None: a personal plan"}</dd>
        {checkout.customerEmail && (
          <>
            <dt className="text-zinc-500 dark:text-zinc-400">Customer</dt>
            <dd className="text-zinc-900 dark:text-white">{checkout.customerEmail}</dd>
          </>
        )}
      </dl>
      <p className="mt-6 text-sm text-zinc-600 dark:text-zinc-400">
        Sandbox: no card is asked for and nothing is charged. Pay activates the subscription and records a paid invoice,
        then returns to your app&apos;s success_url; Cancel returns to its cancel_url.
      </p>
      <form method="post" action={action} className="mt-6 flex items-center gap-3">
        <button
          type="submit"
          name="action"
          value="pay"
          className="rounded bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700"
        >
          Pay {checkout.price}
        </button>
        <button
          type="submit"
          name="action"
          value="cancel"
          className="rounded border border-zinc-300 px-4 py-2 text-sm text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-900"
        >
          Cancel
        </button>
      </form>
    </main>
  );
}
