package com.mindroom.stripesim.control;

import java.util.function.Supplier;

import com.mindroom.stripesim.billing.BillingClock;
import com.mindroom.stripesim.billing.CardException;
import com.mindroom.stripesim.billing.InvalidRequestException;
import com.mindroom.stripesim.billing.Subscriptions;
import com.mindroom.stripesim.clock.SimulatedTime;
import com.mindroom.stripesim.events.DeliveryOptions;
import com.mindroom.stripesim.events.DeliveryQueue;
import com.mindroom.stripesim.store.NoSuchObjectException;
import com.mindroom.stripesim.store.ObjectStore;
import com.mindroom.stripesim.system.Dates;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The control page ({@code /_sim}): the clock with buttons to advance it, the delivery
 * options and queue, and the subscriptions with a "retry payment now" for unpaid ones.
 */
@Controller
@RequestMapping("/_sim")
class ControlPageController {

	private final Overview overview;

	private final BillingClock clock;

	private final ObjectStore store;

	private final SimulatedTime time;

	private final Subscriptions subscriptions;

	private final DeliveryQueue deliveries;

	private final ControlToken token;

	ControlPageController(Overview overview, BillingClock clock, ObjectStore store, SimulatedTime time,
			Subscriptions subscriptions, DeliveryQueue deliveries, ControlToken token) {
		this.overview = overview;
		this.clock = clock;
		this.store = store;
		this.time = time;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.token = token;
	}

	@GetMapping({ "", "/" })
	String page(Model model) {
		Overview.State state = this.overview.state();
		model.addAttribute("state", state);
		model.addAttribute("now", Dates.time(state.now()));
		model.addAttribute("nextBilling", Dates.time(state.nextBillingAt()));
		model.addAttribute("subscriptions", this.overview.subscriptions(50));
		model.addAttribute("deliveries", this.overview.deliveries(30));
		model.addAttribute("token", this.token.value());
		return "control";
	}

	@PostMapping("/clock/advance")
	String advance(@RequestParam(required = false) String token, @RequestParam(required = false) String by,
			RedirectAttributes flash) {
		return act(token, flash, () -> {
			BillingClock.State state = this.clock.advance(ControlInput.duration(by));
			return "Advanced by " + by.trim() + "; " + state.steps() + " billing step(s) ran.";
		});
	}

	@PostMapping("/clock/next")
	String next(@RequestParam(required = false) String token, RedirectAttributes flash) {
		return act(token, flash, () -> {
			BillingClock.State state = this.clock.advanceToNextWork();
			return "Advanced to " + state.now() + "; " + state.steps() + " billing step(s) ran.";
		});
	}

	@PostMapping("/options")
	String options(@RequestParam(required = false) String token, @RequestParam(defaultValue = "false") boolean twice,
			@RequestParam(defaultValue = "false") boolean outOfOrder, RedirectAttributes flash) {
		return act(token, flash, () -> {
			this.deliveries.setOptions(new DeliveryOptions(twice, outOfOrder));
			return "Delivery options saved.";
		});
	}

	@PostMapping("/subscriptions/{id}/retry")
	String retry(@PathVariable String id, @RequestParam(required = false) String token, RedirectAttributes flash) {
		return act(token, flash, () -> {
			var subscription = this.store
				.write(() -> this.subscriptions.retryPayment(this.subscriptions.require(id), this.time.nowSeconds()));
			return "Payment retried: " + id + " is " + subscription.doc().get("status").stringValue() + ".";
		});
	}

	@PostMapping("/deliveries/retry-now")
	String deliverNow(@RequestParam(required = false) String token, RedirectAttributes flash) {
		return act(token, flash, () -> {
			this.deliveries.retryAllNow();
			return "Pending deliveries are being sent now.";
		});
	}

	private String act(String token, RedirectAttributes flash, Supplier<String> action) {
		if (!this.token.matches(token)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This form has expired; reload the page.");
		}
		try {
			flash.addFlashAttribute("message", action.get());
		}
		catch (InvalidRequestException | CardException | NoSuchObjectException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/_sim";
	}

}
