"""Reading what people type (money, rates, numbers, dates, phone numbers), one error type for all."""
