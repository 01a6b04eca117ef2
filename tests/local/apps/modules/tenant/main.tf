# A tenant's user pool as a hand-written Terraform module (what a shop's own or a community module holds),
# called by tests/local/apps/versions.py through TerraformHclModule with for_each: check-plan reads its
# pool, client and trigger permission at module.Tenants["<key>"]..., with a count index on the pool.

variable "name" {
  type = string
}

variable "sign_in_by_email" {
  type    = bool
  default = false
}

variable "client_secret" {
  type    = bool
  default = false
}

variable "pre_sign_up" {
  description = "The ARN of the pre sign-up Lambda function."
  type        = string
}

resource "aws_cognito_user_pool" "pool" {
  count               = 1
  name                = var.name
  username_attributes = var.sign_in_by_email ? ["email"] : null
  deletion_protection = "INACTIVE"

  lambda_config {
    pre_sign_up = var.pre_sign_up
  }
}

resource "aws_cognito_user_pool_client" "web" {
  name            = "${var.name}-web"
  user_pool_id    = aws_cognito_user_pool.pool[0].id
  generate_secret = var.client_secret
}

resource "aws_lambda_permission" "pre_sign_up" {
  statement_id  = "${var.name}-pre-sign-up"
  action        = "lambda:InvokeFunction"
  function_name = var.pre_sign_up
  principal     = "cognito-idp.amazonaws.com"
  source_arn    = aws_cognito_user_pool.pool[0].arn
}

output "user_pool_id" {
  value = aws_cognito_user_pool.pool[0].id
}
