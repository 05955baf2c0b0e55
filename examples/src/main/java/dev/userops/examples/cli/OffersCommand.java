package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.InputException;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.report.Reports;
import dev.userops.incentives.OutcomeStatus;
import dev.userops.incentives.offers.Cart;
import dev.userops.incentives.offers.OffersPolicy;
import dev.userops.incentives.offers.OffersProgram;
import dev.userops.incentives.offers.PricingOutcome;
import dev.userops.incentives.offers.RefundOutcome;
import dev.userops.incentives.offers.RefundState;
import dev.userops.incentives.offers.ReturnEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code userops offers}: prices a cart against an offers document ({@code price}) and refunds
 * returned units of an order it priced ({@code refund}), through the library's {@link OffersPolicy}.
 * Without files, {@code price} runs the bundled example offers on the bundled example cart.
 */
@Command(
    name = "offers",
    mixinStandardHelpOptions = true,
    description = "Offers and coupons: the best combination for a cart (price) and the refund of"
        + " returned units (refund).",
    subcommands = {OffersCommand.Price.class, OffersCommand.Refund.class})
final class OffersCommand implements Callable<Integer> {
  private static final String OFFERS_RESOURCE = "offers/offers-example.json";
  private static final String CART_RESOURCE = "offers/cart-example.json";
  /** The return id of a RETURNS.json that names none: one return per run of the command. */
  static final String DEFAULT_RETURN_ID = "return";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "expected a subcommand: price or refund");
  }

  /** The options both subcommands share: the offers document and the output. */
  static final class Common {
    @Option(names = "--offers", paramLabel = "OFFERS.json",
        description = "Offers document (version 1). Default: the bundled example, one offer of each kind.")
    Path offers;

    @Option(names = "--fraction-digits", paramLabel = "N", defaultValue = "2",
        description = "Digits of the minor unit, for the text tables (default: ${DEFAULT-VALUE}).")
    int fractionDigits;

    @Mixin OutputOptions output;

    OffersPolicy policy() throws IOException {
      return InputFiles.config(offers, OFFERS_RESOURCE, OffersProgram::fromJson).policy();
    }

    String money(long minor) {
      return Reports.money(minor, fractionDigits);
    }
  }

  @Command(
      name = "price",
      mixinStandardHelpOptions = true,
      description = "Prices a cart: the best allowed combination of offers, each discount allocated"
          + " to its lines exact to the minor unit, the gifts, and every offer not applied with its reason.",
      footer = {
          "",
          "CART.json:",
          "  {\"orderId\": \"o-1\", \"userId\": \"u-1\", \"at\": \"2026-06-18T21:30:00+08:00\",",
          "   \"userTags\": [\"vip\"], \"firstOrder\": false,",
          "   \"usage\": {\"welcome-20\": {\"user\": 0, \"global\": 10, \"budgetUsedMinor\": 0}},",
          "   \"lines\": [{\"lineId\": \"1\", \"sku\": \"b-1\", \"category\": \"books\",",
          "              \"unitPriceMinor\": 15000, \"quantity\": 2}]}",
          "  at: an ISO instant, or a local time with its offset.",
          "  usage: the host's counts per offer; an offer not listed is unused.",
          "The --json output is the PRICED.json that 'offers refund' reads."})
  static final class Price implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--cart", paramLabel = "CART.json", description = "The cart (see below). Default: the bundled example.")
    Path cart;

    @Override
    public Integer call() throws IOException {
      OffersPolicy policy = common.policy();
      PricingOutcome priced = policy.price(InputFiles.config(cart, CART_RESOURCE, Cart::fromJson));
      return common.output.print(priced::toJson, out -> print(out, priced));
    }

    private void print(PrintWriter out, PricingOutcome priced) {
      out.printf("Order %s of user %s: subtotal %s, discount %s, total %s%n", priced.orderId(), priced.userId(),
          common.money(priced.subtotalMinor()), common.money(priced.discountMinor()), common.money(priced.totalMinor()));
      out.println();
      out.printf("%-24s %14s  %s%n", "applied offer", "discount", "redemption key");
      for (PricingOutcome.Redemption redemption : priced.applied()) {
        out.printf("%-24s %14s  %s%n", redemption.offerId(), common.money(redemption.discountMinor()),
            redemption.redemptionKey());
      }
      out.println();
      out.printf("%-12s %-14s %4s %14s %14s %14s  %s%n", "line", "sku", "qty", "subtotal", "discount", "net",
          "allocations");
      for (PricingOutcome.PricedLine line : priced.lines()) {
        StringBuilder shares = new StringBuilder();
        for (PricingOutcome.Share share : line.allocations()) {
          shares.append(shares.isEmpty() ? "" : ", ").append(share.offerId()).append(' ')
              .append(common.money(share.discountMinor()));
        }
        out.printf("%-12s %-14s %4d %14s %14s %14s  %s%n", line.lineId(), line.sku() == null ? "-" : line.sku(),
            line.quantity(), common.money(line.subtotalMinor()), common.money(line.discountMinor()),
            common.money(line.netMinor()), shares);
      }
      if (!priced.gifts().isEmpty()) {
        out.println();
        out.printf("%-24s %-14s %4s %14s%n", "gift of offer", "sku", "qty", "value");
        for (PricingOutcome.GiftItem gift : priced.gifts()) {
          out.printf("%-24s %-14s %4d %14s%n", gift.offerId(), gift.sku(), gift.quantity(),
              common.money(gift.valueMinor()));
        }
      }
      if (!priced.rejected().isEmpty()) {
        out.println();
        out.printf("%-24s %s%n", "offer not applied", "reason");
        for (PricingOutcome.Rejection rejection : priced.rejected()) {
          out.printf("%-24s %s%n", rejection.offerId(), rejection.reason());
        }
      }
    }
  }

  @Command(
      name = "refund",
      mixinStandardHelpOptions = true,
      description = "Refunds returned units of a priced order: each unit gives back its allocated net"
          + " amount (less a lost threshold discount under RECOMPUTE_IF_BELOW_THRESHOLD); when"
          + " everything has come back, the order's redemptions are released.",
      footer = {
          "",
          "PRICED.json: the output of 'offers price --json' for the order.",
          "RETURNS.json: {\"returnId\": \"r-1\", \"lines\": [{\"lineId\": \"1\", \"quantity\": 1}]}",
          "  or {\"returnId\": \"c-1\", \"cancel\": true} for everything not yet returned.",
          "  returnId: the return's idempotency key (default \"" + DEFAULT_RETURN_ID + "\").",
          "STATE.json: what came back of the order before, the \"state\" of an earlier",
          "  'offers refund --json'; default: nothing yet."})
  static final class Refund implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--priced", paramLabel = "PRICED.json", required = true,
        description = "The priced order, as 'offers price --json' wrote it.")
    Path priced;

    @Option(names = "--returns", paramLabel = "RETURNS.json", required = true,
        description = "The units coming back (see below).")
    Path returns;

    @Option(names = "--state", paramLabel = "STATE.json",
        description = "What came back of the order before (see below).")
    Path state;

    @Override
    public Integer call() throws IOException {
      OffersPolicy policy = common.policy();
      PricingOutcome order = InputFiles.config(priced, null, PricingOutcome::fromJson);
      ReturnEvent event = InputFiles.config(returns, null, OffersCommand::returnEvent);
      RefundState before = state == null ? RefundState.none() : InputFiles.config(state, null, RefundState::fromJson);
      RefundOutcome outcome;
      try {
        outcome = policy.refund(order, before, event);
      } catch (IllegalArgumentException e) {
        // The priced order names an offer the document does not have: the two files do not match.
        throw InputException.of(priced.toString(), e.getMessage(), e);
      }
      if (outcome.status() == OutcomeStatus.REJECTED) {
        throw InputException.of(returns.toString(), outcome.reason(), null);
      }
      RefundOutcome result = outcome;
      return common.output.print(() -> Json.write(result), out -> print(out, result));
    }

    private void print(PrintWriter out, RefundOutcome outcome) {
      if (outcome.status() == OutcomeStatus.DUPLICATE) {
        out.println("Nothing refunded: " + outcome.reason() + ".");
        return;
      }
      out.printf("Refund %s (%s)%n", common.money(outcome.refundMinor()), outcome.refundKey());
      if (outcome.deductedMinor() > 0) {
        out.printf("Deducted %s: the discount of %s, whose threshold the kept units no longer reach%n",
            common.money(outcome.deductedMinor()), String.join(", ", outcome.lostOffers()));
      }
      out.println();
      out.printf("%-12s %4s %14s%n", "line", "qty", "refund");
      for (RefundOutcome.LineRefund line : outcome.lines()) {
        out.printf("%-12s %4d %14s%n", line.lineId(), line.quantity(), common.money(line.refundMinor()));
      }
      if (!outcome.releases().isEmpty()) {
        out.println();
        out.printf("%-24s %14s %-6s %s%n", "released offer", "budget back", "reuse", "release key");
        for (RefundOutcome.Release release : outcome.releases()) {
          out.printf("%-24s %14s %-6s %s%n", release.offerId(), common.money(release.budgetMinor()),
              release.restoresUse() ? "yes" : "no", release.releaseKey());
        }
      }
    }
  }

  /** RETURNS.json as a return event, with {@value #DEFAULT_RETURN_ID} for a missing {@code returnId}. */
  static ReturnEvent returnEvent(String json) {
    ObjectNode object = Json.readObject(json);
    if (!object.has("returnId")) {
      object.put("returnId", DEFAULT_RETURN_ID);
    }
    return Json.read(object, ReturnEvent.class);
  }
}
